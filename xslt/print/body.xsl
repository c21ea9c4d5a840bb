<?xml version="1.0" encoding="UTF-8"?>
<!--
  Block structure of the text: divisions, heads, paragraphs, opener/closer/postscript, lists,
  dialogue, tables. Both views share the block structure; they differ in the phrase level
  (phrases.xsl) and in how lists and headers are laid out.

  HTML's parser closes an open <p> at the first <div>, <ul> or <table>, so anything block-like that
  TEI nests inside a paragraph is written as <span class="…"> (tunnel parameter "inline") and made a
  block by the CSS.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:p="urn:tei-tools:print"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <!-- Containers whose children each stand on their own lines (conventions.md §6.5). -->
  <xsl:variable name="p:containers" as="xs:string+"
                select="('div', 'body', 'front', 'back', 'opener', 'closer', 'postscript')"/>

  <xsl:function name="p:in-container" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/parent::*[local-name() = $p:containers])"/>
  </xsl:function>

  <!-- The header is printed by the title block, never as text. -->
  <xsl:template match="tei:teiHeader | tei:standOff | tei:facsimile"/>

  <xsl:template match="tei:text">
    <xsl:apply-templates select="tei:front | tei:body | tei:back | tei:group"/>
  </xsl:template>

  <xsl:template match="tei:group">
    <div class="group"><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="tei:body | tei:front | tei:back">
    <div class="{local-name()}"><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="tei:div">
    <div class="div div-{(@type, 'plain')[1]}">
      <xsl:if test="@xml:id and @type = 'entry'">
        <xsl:attribute name="id" select="'e-' || @xml:id"/>
      </xsl:if>
      <xsl:if test="@type = 'entry'">
        <!-- A journal entry is bookmarked by its dateline. -->
        <xsl:attribute name="data-bookmark" select="normalize-space(tei:dateline[1])"/>
      </xsl:if>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <xsl:template match="tei:head">
    <xsl:param name="inline" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:variable name="depth" select="count(ancestor::tei:div)"/>
    <xsl:element name="{if ($inline) then 'span' else 'h' || min((6, max((2, $depth + 1))))}">
      <xsl:attribute name="class" select="'head', @type,
          (: the PDF outline: the document's title, then its divisions (not the house
             encoding's document div, whose title is the document's; its entries are
             bookmarked by their datelines) :)
          if (not($inline) and parent::tei:div[not(@type = ('document', 'entry'))])
          then 'outline-' || min((6, $depth + 1)) else ()"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:p | tei:ab | tei:dateline | tei:salute | tei:signed | tei:byline
                       | tei:docAuthor | tei:docDate | tei:trailer | tei:argument | tei:l">
    <xsl:param name="inline" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:element name="{if ($inline) then 'span' else 'p'}">
      <xsl:attribute name="class" select="string-join((local-name(), @type ! (local-name(..)
        || '-' || .), if ($inline) then 'block' else ()), ' ')"/>
      <!-- lets the writer find the paragraph at a page break after layout (engine.py) -->
      <xsl:if test="not($inline)">
        <xsl:attribute name="id" select="'b-' || p:docid(ancestor::tei:TEI[1]) || '-'
                                         || p:path-id(.)"/>
      </xsl:if>
      <xsl:if test="self::tei:p and parent::tei:sp and not(preceding-sibling::tei:p)">
        <xsl:apply-templates select="../tei:speaker" mode="p:speaker"/>
      </xsl:if>
      <xsl:apply-templates>
        <xsl:with-param name="inline" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
      <xsl:apply-templates select="p:stray-notes(.)">
        <xsl:with-param name="inline" select="true()" tunnel="yes"/>
        <xsl:with-param name="attached" select="true()"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:opener | tei:closer | tei:postscript | tei:lg | tei:epigraph
                       | tei:floatingText | tei:titlePage | tei:docTitle | tei:titlePart">
    <xsl:param name="inline" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:element name="{if ($inline) then 'span' else 'div'}">
      <xsl:attribute name="class" select="local-name(), if ($inline) then 'block' else ()"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- Dialogue (L10-L12): the speaker runs in at the start of the first paragraph. -->
  <xsl:template match="tei:sp">
    <xsl:param name="inline" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:element name="{if ($inline) then 'span' else 'div'}">
      <xsl:attribute name="class" select="'sp'"/>
      <xsl:if test="not(tei:p)">
        <p class="p"><xsl:apply-templates select="tei:speaker" mode="p:speaker"/></p>
      </xsl:if>
      <xsl:apply-templates select="* except tei:speaker"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:speaker"/>
  <xsl:template match="tei:speaker" mode="p:speaker">
    <span class="speaker">
      <xsl:sequence select="p:index-anchor(.)"/>
      <xsl:apply-templates><xsl:with-param name="inline" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </span>
    <xsl:text> </xsl:text>
  </xsl:template>

  <!-- Lists -->

  <xsl:template match="tei:list">
    <xsl:param name="inline" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:variable name="kind" select="string-join(('list', @type ! ('list-' || .),
        @rend ! ('rend-' || .), if ($inline) then 'block' else ()), ' ')"/>
    <xsl:element name="{if ($inline) then 'span' else 'div'}">
      <xsl:attribute name="class" select="$kind"/>
      <xsl:apply-templates select="tei:head" mode="p:list-head"/>
      <xsl:for-each-group select="* except tei:head" group-starting-with="tei:label | tei:item
          [not(preceding-sibling::*[1][self::tei:label])]">
        <span class="entry">
          <xsl:for-each select="current-group()">
            <xsl:apply-templates select="." mode="p:list-part">
              <xsl:with-param name="inline" select="true()" tunnel="yes"/>
            </xsl:apply-templates>
          </xsl:for-each>
        </span>
      </xsl:for-each-group>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:head" mode="p:list-head">
    <span class="list-head">
      <xsl:apply-templates><xsl:with-param name="inline" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </span>
  </xsl:template>

  <xsl:template match="tei:label" mode="p:list-part">
    <span class="label"><xsl:apply-templates/></span>
    <xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="tei:item" mode="p:list-part">
    <xsl:variable name="dash" select="../@rend = 'dash'"/>
    <span class="item">
      <xsl:if test="$dash">
        <span class="bullet"><xsl:value-of select="if ($p:d) then '- ' else '– '"/></span>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="../@type = 'distribution'">
          <xsl:sequence select="p:index-anchor(.)"/>
          <xsl:apply-templates/>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <xsl:template match="*" mode="p:list-part">
    <xsl:apply-templates select="."/>
  </xsl:template>

  <!-- Tables (not in the house encoding; real TEI has them) -->

  <xsl:template match="tei:table">
    <xsl:param name="inline" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:choose>
      <xsl:when test="$inline">
        <span class="table block"><xsl:apply-templates/></span>
      </xsl:when>
      <xsl:otherwise>
        <table class="table">
          <xsl:apply-templates select="tei:head"/>
          <tbody><xsl:apply-templates select="tei:row"/></tbody>
        </table>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:table/tei:head">
    <xsl:param name="inline" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:element name="{if ($inline) then 'span' else 'caption'}">
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:row">
    <xsl:param name="inline" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:element name="{if ($inline) then 'span' else 'tr'}">
      <xsl:attribute name="class" select="'row', if ($inline) then 'block' else ()"/>
      <xsl:apply-templates select="tei:cell"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:cell">
    <xsl:param name="inline" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:element name="{if ($inline) then 'span' else 'td'}">
      <xsl:attribute name="class" select="'cell'"/>
      <xsl:if test="@cols and not($inline)"><xsl:attribute name="colspan" select="@cols"/></xsl:if>
      <xsl:apply-templates><xsl:with-param name="inline" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
      <xsl:if test="$inline"><xsl:text> </xsl:text></xsl:if>
    </xsl:element>
  </xsl:template>

  <!-- Separators, page breaks, forme work -->

  <xsl:template match="tei:milestone[@unit = 'rule']">
    <span class="rule block rule-{(@type, 'plain')[1]}"/>
  </xsl:template>

  <xsl:template match="tei:milestone | tei:cb | tei:anchor | tei:index | tei:link | tei:linkGrp"/>

  <!-- B23: D prints [Page N] on its own line, R a page number in the margin. -->
  <xsl:template match="tei:pb">
    <xsl:if test="@n">
      <xsl:choose>
        <xsl:when test="$p:d"><span class="pb block">[Page <xsl:value-of select="@n"/>]</span>
        </xsl:when>
        <xsl:otherwise><span class="pb margin">p. <xsl:value-of select="@n"/></span></xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:fw">
    <span class="fw fw-{(@type, 'plain')[1]}{if (p:in-container(.)) then ' block' else ''}">
      <xsl:apply-templates><xsl:with-param name="inline" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </span>
  </xsl:template>

  <xsl:template match="tei:figure[not(@type = 'signature')]">
    <span class="figure{if (p:in-container(.)) then ' block' else ''}">
      <xsl:apply-templates select="tei:head | tei:figDesc | tei:p"/>
    </span>
  </xsl:template>
  <xsl:template match="tei:graphic | tei:media | tei:binaryObject"/>

</xsl:stylesheet>
