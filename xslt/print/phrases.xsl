<?xml version="1.0" encoding="UTF-8"?>
<!--
  Phrase level and the editorial interventions, in the two views of conventions.md §5.1:
  D restores the transcript's brackets in place; R prints a clean text and moves the explanations
  to footnotes (notes.xsl). Stamps are set off as boxes in both views.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:p="urn:tei-tools:print"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:lb">
    <br/>
  </xsl:template>

  <!-- Names, dates, numbers: plain text in both views; the date's ISO value is for the web. -->
  <xsl:template match="tei:persName | tei:orgName | tei:placeName | tei:name | tei:roleName
                       | tei:date | tei:time | tei:idno | tei:num | tei:measure | tei:rs
                       | tei:geogName | tei:term | tei:title | tei:ref | tei:ptr[normalize-space()]
                       | tei:seg | tei:s | tei:w | tei:mentioned | tei:soCalled | tei:quote
                       | tei:q | tei:said | tei:emph | tei:distinct | tei:gloss | tei:abbr">
    <span class="{local-name()}{@type ! (' ' || local-name(..) || '-' || .)}">
      <xsl:if test="self::tei:persName and ancestor::tei:signed">
        <xsl:sequence select="p:index-anchor(.)"/>
      </xsl:if>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <xsl:template match="tei:seg[@type = ('classification', 'letterhead', 'motto', 'registry',
                       'copy', 'handling', 'precedence')]" priority="2">
    <span class="seg seg-{@type}{if ($p:d) then '' else ' smallcaps'}"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:foreign">
    <span class="foreign{if ($p:d) then '' else ' italic'}" lang="{@xml:lang}">
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <!-- L16 letter-spacing and L24 superscript; other renditions of real TEI. -->
  <xsl:template match="tei:hi">
    <xsl:variable name="r" select="string((@rend, @rendition)[1])"/>
    <span class="hi{for $t in tokenize($r, '[\s#]+')[. != ''] return ' r-' || $t}">
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <!-- B1-B3 supplied, B4 expansion -->
  <xsl:template match="tei:supplied | tei:ex">
    <span class="{local-name()}">
      <xsl:if test="$p:d">[</xsl:if>
      <xsl:apply-templates/>
      <xsl:if test="$p:d">]</xsl:if>
    </span>
  </xsl:template>

  <xsl:template match="tei:expan | tei:choice | tei:subst">
    <span class="{local-name()}"><xsl:apply-templates/></span>
  </xsl:template>
  <!-- choice: print the corrected / expanded / regularised reading only -->
  <xsl:template match="tei:choice/tei:sic[../tei:corr] | tei:choice/tei:abbr[../tei:expan]
                       | tei:choice/tei:orig[../tei:reg] | tei:subst/tei:del"/>

  <!-- B13 unclear -->
  <xsl:template match="tei:unclear">
    <span class="unclear{if (@cert = 'low') then ' low' else ''}">
      <xsl:choose>
        <xsl:when test="$p:d">
          <xsl:text>[[</xsl:text>
          <xsl:apply-templates/>
          <xsl:value-of select="if (@cert = 'low') then '?]]'
                                else if (@rend = 'single-close') then ']' else ']]'"/>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <!-- B13/B15/B16/B25 gaps -->
  <xsl:template match="tei:gap">
    <xsl:variable name="desc" select="normalize-space(string-join(tei:desc//text(), ''))"/>
    <xsl:variable name="text" select="if ($desc != '') then $desc
        else if (@reason = 'editorial') then '…' else if (@reason) then string(@reason)
        else '…'"/>
    <span class="gap gap-{(@reason, 'plain')[1]}{if (p:in-container(.)) then ' block' else ''}">
      <xsl:value-of select="if ($p:d and @rend = 'single-close') then '[[' || $text || ']'
                            else '[' || $text || ']'"/>
    </span>
  </xsl:template>

  <!-- B10 sic: D adds [sic] unless a sic note follows; R prints the text with a footnote. -->
  <xsl:template match="tei:sic[not(parent::tei:choice)]">
    <xsl:param name="in-note" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:variable name="note" select="following-sibling::node()[not(self::text()
        [normalize-space() = ''])][1][self::tei:note[@type = 'sic']]"/>
    <span class="sic"><xsl:apply-templates/></span>
    <xsl:choose>
      <xsl:when test="$p:d and empty($note)"> [sic]</xsl:when>
      <xsl:when test="$p:d or exists($note)"/>
      <xsl:when test="$in-note"> [sic]</xsl:when>
      <xsl:otherwise><xsl:sequence select="p:footnote('sic', 'sic', ())"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- B17 signature placeholder -->
  <xsl:template match="tei:figure[@type = 'signature']">
    <span class="signature">
      <!-- P2: /signature/ is the placeholder between slashes (@rend='slashes') -->
      <xsl:value-of select="if (not($p:d)) then '(signed)'
          else if (@rend = 'slashes') then '/' || normalize-space(tei:figDesc) || '/'
          else '[' || normalize-space(tei:figDesc) || ']'"/>
    </span>
  </xsl:template>

  <!-- L25 and the like -->
  <xsl:template match="tei:space">
    <span class="space">
      <xsl:value-of select="string-join(for $i in 1 to xs:integer((@quantity[. castable as
          xs:integer], 3)[1]) return (if ($p:d) then '_' else ' '), '')"/>
    </span>
  </xsl:template>

  <!-- B19/B27: an orphan bracket is printed in D only. -->
  <xsl:template match="tei:c[@type = 'stray-bracket']">
    <xsl:if test="$p:d"><span class="c"><xsl:apply-templates/></span></xsl:if>
  </xsl:template>

  <!-- B18 stamps: a box in both views. D keeps brackets and line breaks; R puts a caption
       (stamp, condition, institution label) over the content. -->
  <xsl:template match="tei:stamp">
    <xsl:variable name="block" select="p:in-container(.) or parent::tei:fw"/>
    <xsl:variable name="label" select="p:first-desc(.)"/>
    <span class="stamp stamp-{(@type, 'other')[1]}{if ($block) then ' block' else ' inline'}">
      <xsl:choose>
        <!-- P10: "[Stamp]: content" (@rend='label-only'): the brackets hold the label only -->
        <xsl:when test="$p:d and @rend = 'label-only'">
          <xsl:for-each select="node()">
            <xsl:choose>
              <xsl:when test=". is $label">[<xsl:apply-templates select="."/>]</xsl:when>
              <xsl:otherwise><xsl:apply-templates select="."/></xsl:otherwise>
            </xsl:choose>
          </xsl:for-each>
        </xsl:when>
        <xsl:when test="$p:d">
          <xsl:if test="not(@rend = ('unopened', 'unbracketed'))">[</xsl:if>
          <xsl:apply-templates/>
          <xsl:if test="not(@rend = ('unclosed', 'unbracketed'))">]</xsl:if>
        </xsl:when>
        <xsl:otherwise>
          <!-- the transcript's own label ("faded USSR MFA Stamp:") says it best -->
          <xsl:variable name="caption" select="if ($label) then replace(normalize-space($label),
              '\s*:$', '') else string-join(('Stamp', @subtype), ', ')"/>
          <span class="stamp-caption">
            <xsl:value-of select="upper-case(substring($caption, 1, 1)) || substring($caption, 2)"/>
          </span>
          <span class="stamp-content">
            <!-- the label's own line break would open the box with an empty line -->
            <xsl:apply-templates select="node() except ($label,
                $label/following-sibling::node()[not(self::text()[not(normalize-space())])][1]
                [self::tei:lb])"/>
          </span>
        </xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <!-- B21/B22 additions by hand -->
  <!-- B21 (a label opens the add: D brackets it all) and B22 (a trailing "added by hand" note
       brings its own brackets). -->
  <xsl:template match="tei:add">
    <xsl:variable name="labelled" select="exists(p:first-desc(.))"/>
    <span class="add{if (@hand) then ' hand' else ''}">
      <xsl:if test="$p:d and $labelled">[</xsl:if>
      <xsl:apply-templates/>
      <xsl:if test="$p:d and $labelled">]</xsl:if>
    </span>
  </xsl:template>

  <xsl:template match="tei:del">
    <span class="del"><xsl:apply-templates/></span>
  </xsl:template>

</xsl:stylesheet>
