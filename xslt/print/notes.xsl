<?xml version="1.0" encoding="UTF-8"?>
<!--
  Notes. B9 footnotes go to the foot of the page in both views (CSS float: footnote); in D the call
  is the transcript's own marker ([1], (1), x/). The inline glosses of the house encoding (B5-B8,
  B10, B11) are bracketed in place in D and become explained footnotes in R. Inside a footnote
  nothing floats again: nested notes are printed in brackets.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:p="urn:tei-tools:print"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <!-- The desc note that labels a stamp, add or note: first child, no text before it
       (conventions.md §6.5). -->
  <xsl:function name="p:first-desc" as="element(tei:note)?">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="$e[self::tei:stamp or self::tei:add or self::tei:note]
        /tei:note[@type = 'desc'][1][not(preceding-sibling::node()[self::* or normalize-space()])]"/>
  </xsl:function>

  <!-- A footnote: the call where it stands, the body at the foot of the page. -->
  <xsl:function name="p:footnote" as="element()+">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="prefix" as="xs:string?"/>
    <xsl:param name="content" as="node()*"/>
    <xsl:sequence select="p:footnote($kind, $prefix, $content, ())"/>
  </xsl:function>

  <xsl:function name="p:footnote" as="element()+">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="prefix" as="xs:string?"/>
    <xsl:param name="content" as="node()*"/>
    <xsl:param name="call" as="xs:string?"/>
    <!-- ids that let the writer check, after layout, that the note landed on the page of its
         call (fncall-… is where the call is, fn-… where the note is placed) -->
    <xsl:variable name="note" select="($content/..)[1]"/>
    <xsl:if test="$note">
      <a class="fncall" id="fncall-{p:docid($note/ancestor::tei:TEI[1])}-{p:path-id($note)}"/>
    </xsl:if>
    <span class="fn fn-{$kind}">
      <xsl:if test="$note">
        <xsl:attribute name="id"
          select="'fn-' || p:docid($note/ancestor::tei:TEI[1]) || '-' || p:path-id($note)"/>
      </xsl:if>
      <xsl:if test="$call"><xsl:attribute name="data-call" select="$call"/></xsl:if>
      <!-- R: the TEI's own number (note/@n), so that "see note 5" still finds note 5 -->
      <xsl:if test="not($call) and normalize-space($note/@n)">
        <xsl:attribute name="data-n" select="normalize-space($note/@n)"/>
      </xsl:if>
      <xsl:if test="$prefix"><span class="fn-label"><xsl:value-of select="$prefix"/></span></xsl:if>
      <xsl:apply-templates select="$content">
        <xsl:with-param name="in-note" select="true()" tunnel="yes"/>
        <xsl:with-param name="inline" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </span>
  </xsl:function>

  <xsl:function name="p:bracketed" as="element()">
    <xsl:param name="note" as="element()"/>
    <span class="note note-{($note/@type, 'plain')[1]}">
      <xsl:text>[</xsl:text>
      <xsl:apply-templates select="$note/node()">
        <xsl:with-param name="in-note" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
      <xsl:text>]</xsl:text>
    </span>
  </xsl:function>

  <!-- ============ notes as other projects write them (issue 15) ============ -->

  <!-- A note that becomes a footnote call in R (the templates below) -->
  <xsl:function name="p:called" as="xs:boolean">
    <xsl:param name="n" as="node()?"/>
    <xsl:sequence select="exists($n/self::tei:note[not(@place = ('inline', 'margin', 'left',
        'right', 'marginLeft', 'marginRight', 'marginOuter', 'marginInner'))]
        [not(@type = ('alt-name', 'identification', 'expansion', 'orig-term', 'desc',
                      'resolution', 'handwritten', 'distribution', 'reference', 'query',
                      'trailer-unparsed', 'sic'))])"/>
  </xsl:function>

  <!-- A footnote that stands between blocks (in a div, not in a paragraph): it is called at
       the end of the block before it, not on a line of its own. -->
  <xsl:function name="p:stray" as="xs:boolean">
    <xsl:param name="n" as="element(tei:note)"/>
    <xsl:sequence select="p:called($n) and exists($n/parent::*[self::tei:div or self::tei:body
        or self::tei:front or self::tei:back or self::tei:lg or self::tei:sp or self::tei:quote
        or self::tei:cit or self::tei:epigraph or self::tei:opener or self::tei:closer])
        and exists($n/preceding-sibling::*[not(self::tei:note)][1]
                   [self::tei:p or self::tei:ab or self::tei:l or self::tei:head])"/>
  </xsl:function>

  <!-- the stray notes that follow a block, called at its end (body.xsl) -->
  <xsl:function name="p:stray-notes" as="element(tei:note)*">
    <xsl:param name="block" as="element()"/>
    <xsl:sequence select="$block/following-sibling::tei:note[p:stray(.)]
        [preceding-sibling::*[not(self::tei:note)][1] is $block]"/>
  </xsl:function>

  <xsl:template match="tei:note[p:stray(.)]" priority="10">
    <xsl:param name="attached" as="xs:boolean" select="false()"/>
    <xsl:if test="$attached"><xsl:next-match/></xsl:if>
  </xsl:template>

  <!-- Pretty-printed TEI: the line breaks and indentation inside a note are one space, none
       at its start or end (else the footnote starts with a space, or breaks its lines). -->
  <xsl:template match="text()[ancestor::tei:note]" priority="1">
    <xsl:variable name="note" select="ancestor::tei:note[1]"/>
    <xsl:variable name="t" select="replace(., '\s+', ' ')"/>
    <xsl:variable name="t" select="if ($note/descendant::text()[1] is .)
        then replace($t, '^ ', '') else $t"/>
    <xsl:value-of select="if ($note/descendant::text()[last()] is .)
        then replace($t, ' $', '') else $t"/>
  </xsl:template>

  <!-- No space before a call: "1990 <note>" prints as "1990¹", not "1990 ¹". -->
  <xsl:template match="text()[p:called(following-sibling::node()[1])]" priority="2">
    <xsl:variable name="t" select="replace(., '\s+$', '')"/>
    <xsl:choose>
      <xsl:when test="ancestor::tei:note"><xsl:value-of select="replace($t, '\s+', ' ')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$t"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- B9 footnotes, and the foot/end notes of real TEI -->
  <xsl:template match="tei:note[@type = 'footnote' or @place = ('foot', 'bottom', 'end',
                       'footnote', 'endnote')][not(@type = ('resolution', 'handwritten'))]
                       | tei:note[not(@type) and not(@place)]">
    <xsl:param name="in-note" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:choose>
      <xsl:when test="$in-note"><xsl:sequence select="p:bracketed(.)"/></xsl:when>
      <xsl:when test="$p:d and @n">
        <!-- the marker's style is @rend's first word (the text's may follow: "plain
             bracketed"); plain and asterisk markers are the bare @n (tei_tools.text) -->
        <xsl:variable name="style" select="(tokenize(normalize-space(@rend)), 'bracketed')[1]"/>
        <xsl:variable name="call" select="if ($style = 'parenthesised') then '(' || @n || ')'
            else if ($style = 'slash') then @n || '/'
            else if ($style = 'bracketed') then '[' || @n || ']' else string(@n)"/>
        <xsl:sequence select="p:footnote('footnote', (), node(), $call)"/>
      </xsl:when>
      <xsl:otherwise><xsl:sequence select="p:footnote('footnote', (), node())"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- B5-B8, B10, B11: glosses -->
  <xsl:template match="tei:note[@type = ('alt-name', 'identification', 'expansion', 'orig-term',
                       'sic', 'editorial', 'translator')]" priority="2">
    <xsl:param name="in-note" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:choose>
      <xsl:when test="$p:d or $in-note"><xsl:sequence select="p:bracketed(.)"/></xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="p:footnote(@type, p:gloss-prefix(.), node())"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- What an R footnote says before the note's own words. -->
  <xsl:function name="p:gloss-prefix" as="xs:string?">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:variable name="before" select="normalize-space($note/preceding-sibling::*[1])"/>
    <xsl:variable name="lang" select="($note//@xml:lang)[1]"/>
    <xsl:variable name="langname" select="normalize-space(($note/ancestor::tei:TEI//tei:langUsage
        /tei:language[@ident = $lang])[1])"/>
    <xsl:variable name="type" select="string($note/@type)"/>
    <xsl:sequence select="
        if ($type = 'alt-name') then 'Also romanised as: '
        else if ($type = 'identification') then 'Identified as: '
        else if ($type = 'expansion') then ($before[. != ''] ! (. || ': '), 'Expansion: ')[1]
        else if ($type = 'orig-term') then 'Original term'
            || (if ($langname != '') then ' (' || replace($langname, '\s*\(.*\)$', '') || ')'
                else if ($lang) then ' (' || $lang || ')' else '') || ': '
        else if ($type = 'sic') then 'sic: '
        else ()"/>
  </xsl:function>

  <!-- B12 query -->
  <xsl:template match="tei:note[@type = 'query']" priority="2">
    <span class="query">[<xsl:apply-templates/>]</span>
  </xsl:template>

  <!-- Labels of stamps, additions and handwritten notes (B18, B21); D prints the label alone
       since the enclosing element brings the brackets. -->
  <xsl:template match="tei:note[@type = 'desc'][. is p:first-desc(..)]" priority="3">
    <span class="desc-label"><xsl:apply-templates/></span>
    <xsl:if test="not($p:d)"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <!-- B24 descriptive note, B22's trailing "added by hand" -->
  <xsl:template match="tei:note[@type = 'desc']" priority="2">
    <xsl:choose>
      <xsl:when test="$p:d"><xsl:sequence select="p:bracketed(.)"/></xsl:when>
      <xsl:otherwise>
        <span class="desc-aside">[<xsl:apply-templates/>]</span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- B21 resolutions and handwritten notes: D in brackets; R a margin-style note in script. -->
  <xsl:template match="tei:note[@type = ('resolution', 'handwritten')]" priority="2">
    <xsl:param name="in-note" tunnel="yes" as="xs:boolean" select="false()"/>
    <span class="hand-note{if (p:in-container(.) and not($in-note)) then ' block' else ''}">
      <xsl:if test="$p:d">[</xsl:if>
      <xsl:apply-templates><xsl:with-param name="in-note" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
      <xsl:if test="$p:d">]</xsl:if>
    </span>
  </xsl:template>

  <!-- L20 head-zone distribution list, L29 spravka -->
  <xsl:template match="tei:note[@type = ('distribution', 'reference')]" priority="2">
    <span class="note-{@type}{if (p:in-container(.)) then ' block' else ''}">
      <xsl:apply-templates><xsl:with-param name="inline" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </span>
  </xsl:template>

  <xsl:template match="tei:note[@type = 'trailer-unparsed']" priority="2"/>

  <!-- Any other note: inline ones in brackets (D) or as footnotes (R). -->
  <xsl:template match="tei:note">
    <xsl:param name="in-note" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:choose>
      <xsl:when test="$p:d or $in-note"><xsl:sequence select="p:bracketed(.)"/></xsl:when>
      <xsl:otherwise><xsl:sequence select="p:footnote('note', (), node())"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
