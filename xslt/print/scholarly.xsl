<?xml version="1.0" encoding="UTF-8"?>
<!--
  Print of what editions made elsewhere hold (issue 15), as xslt/common/scholarly.xsl does for
  the web: apparatus (lemma in the text, readings in a footnote), bibliographies, quotations
  with their source and epigraphs as blocks, verse line numbers, margin notes, image
  placeholders and page-image references. Imported last by document.xsl, so these win.
  Nothing is fetched: an image prints as its name and URL.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:p="urn:tei-tools:print"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <!-- ========================= apparatus ========================= -->

  <xsl:template match="tei:app">
    <xsl:param name="in-note" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:variable name="lemma" select="(tei:lem, tei:rdg)[1]"/>
    <!-- the readings, and the notes on them (ldlt: note target="#rdg-…"), in their order -->
    <xsl:variable name="others" select="(* except $lemma)[not(self::tei:lem)]"/>
    <span class="app">
      <xsl:apply-templates select="$lemma/node()"/>
    </span>
    <xsl:choose>
      <xsl:when test="empty($others)"/>
      <xsl:when test="$in-note">
        <span class="app-note"> [<xsl:apply-templates select="$others"/>]</span>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="p:footnote('app', (), $others, ())"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- a reading in the apparatus note: "rejected B C", "om. D"; readings separated by "; " -->
  <xsl:template match="tei:rdg" mode="p:reading #default">
    <xsl:if test="preceding-sibling::*[not(self::tei:lem)] or parent::tei:rdgGrp/preceding-sibling::*[not(self::tei:lem)]">
      <xsl:text>; </xsl:text>
    </xsl:if>
    <span class="rdg">
      <xsl:apply-templates/>
      <xsl:if test="not(normalize-space())"><i>om.</i></xsl:if>
    </span>
    <xsl:if test="@wit | @source">
      <xsl:text> </xsl:text>
      <span class="wit"><xsl:value-of select="string-join(tokenize(string-join((@wit, @source),
          ' ')) ! replace(., '^.*#', ''), ' ')"/></span>
    </xsl:if>
  </xsl:template>

  <!-- ========================= bibliographies and quotations ========================= -->

  <xsl:template match="tei:listBibl | tei:listWit">
    <div class="{local-name()}">
      <xsl:apply-templates select="tei:head"/>
      <xsl:for-each select="* except tei:head">
        <p class="bibl-entry"><xsl:apply-templates select=".">
          <xsl:with-param name="inline" select="true()" tunnel="yes"/>
        </xsl:apply-templates></p>
      </xsl:for-each>
    </div>
  </xsl:template>

  <xsl:template match="tei:bibl | tei:biblStruct | tei:witness">
    <span class="{local-name()}{if (parent::tei:cit or parent::tei:epigraph
                                    or p:in-container(.)) then ' block' else ''}">
      <xsl:apply-templates>
        <xsl:with-param name="inline" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </span>
  </xsl:template>

  <xsl:template match="tei:cit">
    <xsl:param name="inline" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:element name="{if ($inline) then 'span' else 'div'}">
      <xsl:attribute name="class" select="'cit', if ($inline) then 'block' else ()"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:quote[parent::tei:cit or parent::tei:epigraph]
                       | tei:quote[tei:p | tei:lg | tei:l]">
    <span class="quote block">
      <xsl:apply-templates>
        <xsl:with-param name="inline" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </span>
  </xsl:template>

  <!-- ========================= verse ========================= -->

  <!-- l/@n: every fifth number (and any that is not a number) in the left margin -->
  <xsl:template match="tei:l">
    <xsl:param name="inline" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:element name="{if ($inline) then 'span' else 'p'}">
      <xsl:attribute name="class" select="'l', if ($inline) then 'block' else ()"/>
      <xsl:if test="normalize-space(@n) and (not(@n castable as xs:integer)
                    or xs:integer(@n) mod 5 = 0)">
        <span class="l-n"><xsl:value-of select="@n"/></span>
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

  <!-- ========================= margin notes ========================= -->

  <!-- B21: a hand's resolution or note in the margin is printed as the hand's note (notes.xsl:
       bracketed in D, as tei_tools.text writes it), not as a plain margin note -->
  <xsl:template match="tei:note[@place = ('margin', 'left', 'right', 'marginLeft',
      'marginRight', 'marginOuter', 'marginInner', 'margin-left', 'margin-right')]
      [not(@type = ('resolution', 'handwritten'))]">
    <span class="margin-note">
      <xsl:apply-templates>
        <xsl:with-param name="in-note" select="true()" tunnel="yes"/>
        <xsl:with-param name="inline" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </span>
  </xsl:template>

  <!-- ========================= links ========================= -->

  <!-- ref/ptr: real links in the PDF. "#id" goes to that element of this document, an
       http(s) or mailto URL out of the PDF; anything else (a path of the web site the TEI
       came from) is text, as the web edition's link check reports it. -->
  <xsl:template match="tei:ref | tei:ptr">
    <xsl:variable name="target" select="normalize-space((@target, @url)[1])"/>
    <xsl:variable name="first" select="replace($target, '^#range\(\s*#?([^,\s)]+).*$', '#$1')"/>
    <xsl:variable name="local" select="if (starts-with($first, '#'))
        then key('p:by-id', substring($first, 2), root(.)) else ()"/>
    <xsl:variable name="text" as="node()*">
      <xsl:apply-templates/>
      <xsl:if test="self::tei:ptr and not(normalize-space())">
        <xsl:value-of select="$target"/>
      </xsl:if>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="ancestor::tei:ref"><xsl:sequence select="$text"/></xsl:when>
      <xsl:when test="exists($local)">
        <a class="ref" href="#{p:xml-id-anchor($local[1])}"><xsl:sequence select="$text"/></a>
      </xsl:when>
      <xsl:when test="matches($target, '^(https?://|mailto:)', 'i')
                      and not(matches($target, '[\p{Cc}\s]'))">
        <a class="ref ext" href="{iri-to-uri($target)}"><xsl:sequence select="$text"/></a>
      </xsl:when>
      <xsl:otherwise><span class="ref"><xsl:sequence select="$text"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- the print id of an element that has an xml:id (unique in the book: docid first) -->
  <xsl:function name="p:xml-id-anchor" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="'x-' || p:docid($e/ancestor-or-self::tei:TEI[1]) || '-' || $e/@xml:id"/>
  </xsl:function>

  <!-- what references aim at: every element with an xml:id that a ref of the document names
       gets an anchor where it starts (rows and cells excepted: nothing may stand between) -->
  <xsl:key name="p:ref-target" match="tei:ref/@target | tei:ptr/@target"
      use="tokenize(.) ! replace(., '^#range\(\s*#?([^,\s)]+).*$', '#$1')
           ! substring-after(., '#')[. != '']"/>
  <xsl:template match="tei:text//*[@xml:id][exists(key('p:ref-target', @xml:id))]
                       [not(self::tei:row or self::tei:cell or self::tei:item
                            or self::tei:lem or self::tei:rdg)]" priority="20">
    <a class="xid" id="{p:xml-id-anchor(.)}"/>
    <xsl:next-match/>
  </xsl:template>

  <!-- ========================= figures and page images ========================= -->

  <xsl:template match="tei:figure[not(@type = 'signature')]">
    <span class="figure{if (p:in-container(.)) then ' block' else ''}">
      <xsl:apply-templates select="tei:graphic | tei:media"/>
      <xsl:apply-templates select="tei:head | tei:figDesc | tei:p"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:graphic[@url] | tei:media[@url]">
    <span class="graphic">Image: <xsl:value-of select="@url"/></span>
    <xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="tei:pb">
    <xsl:variable name="facs" select="p:facs-url(.)"/>
    <xsl:if test="@n or exists($facs)">
      <xsl:choose>
        <xsl:when test="$p:d">
          <span class="pb block">[Page <xsl:value-of select="@n"/>]<xsl:if
              test="exists($facs)"> (page image: <xsl:value-of select="$facs"/>)</xsl:if></span>
        </xsl:when>
        <xsl:otherwise>
          <span class="pb margin">p. <xsl:value-of select="@n"/><xsl:if
              test="exists($facs)"><span class="facs"> (image: <xsl:value-of
              select="p:file-name($facs)"/>)</span></xsl:if></span>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <xsl:key name="p:by-id" match="*[@xml:id]" use="@xml:id"/>

  <xsl:function name="p:facs-url" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="facs" select="normalize-space(($e/@facs, '')[1])"/>
    <xsl:variable name="target" select="if (starts-with($facs, '#'))
        then key('p:by-id', substring($facs, 2), root($e)) else ()"/>
    <xsl:sequence select="if (not($facs)) then ()
        else if (starts-with($facs, '#'))
        then ($target/descendant-or-self::tei:graphic/@url, $target/@url)[1] ! string(.)
        else $facs"/>
  </xsl:function>

  <xsl:function name="p:file-name" as="xs:string">
    <xsl:param name="url" as="xs:string"/>
    <xsl:sequence select="(tokenize(replace($url, '[?#].*$', ''), '/')[normalize-space()][last()],
                           $url)[1]"/>
  </xsl:function>
</xsl:stylesheet>
