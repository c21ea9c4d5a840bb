<?xml version="1.0" encoding="UTF-8"?>
<!--
  What an editorial intervention is, in words: tt:kind() names it, tt:label() gives a short
  heading and tt:explain() one sentence for popovers, apparatus entries, tooltips and the
  conventions page. Shared by the web and print writers; override a template in mode tt:explain
  to change one text without touching the others.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tt="urn:tei-tools"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:import href="functions.xsl"/>

  <!--
    The kind of intervention an element is, or () for ordinary text. Every element with a kind is
    passed through the tt:mark hook by text.xsl and gets an apparatus entry on the web.
  -->
  <xsl:function name="tt:kind" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:apply-templates select="$e" mode="tt:kind"/>
  </xsl:function>

  <xsl:template match="*" mode="tt:kind"/>
  <xsl:template match="supplied" mode="tt:kind">supplied</xsl:template>
  <xsl:template match="ex" mode="tt:kind">expansion</xsl:template>
  <xsl:template match="unclear" mode="tt:kind">unclear</xsl:template>
  <xsl:template match="gap" mode="tt:kind">gap</xsl:template>
  <xsl:template match="sic" mode="tt:kind">sic</xsl:template>
  <xsl:template match="add" mode="tt:kind">hand</xsl:template>
  <xsl:template match="del" mode="tt:kind">deletion</xsl:template>
  <xsl:template match="stamp" mode="tt:kind">stamp</xsl:template>
  <xsl:template match="figure[@type = 'signature']" mode="tt:kind">signature</xsl:template>
  <xsl:template match="c[@type = 'stray-bracket']" mode="tt:kind">bracket</xsl:template>
  <xsl:template match="unclear[@reason = 'encoding']" mode="tt:kind">encoding</xsl:template>
  <xsl:template match="foreign[not(parent::note[@type = 'orig-term'])]" mode="tt:kind">foreign</xsl:template>
  <xsl:template match="note[@type = ('resolution', 'handwritten')]" mode="tt:kind">hand</xsl:template>
  <xsl:template match="note[@place = 'inline']" mode="tt:kind" priority="2">
    <xsl:choose>
      <!-- the label that opens a stamp, add or note belongs to its parent -->
      <xsl:when test="tt:opening-desc(.)"/>
      <!-- "[added by hand]" after the added text: part of its add (B22) -->
      <xsl:when test="@type = 'desc' and parent::add
                      and not(following-sibling::node()[normalize-space()])"/>
      <!-- a sic note explains the sic before it -->
      <xsl:when test="@type = 'sic' and preceding-sibling::*[1][self::sic]"/>
      <xsl:otherwise>
        <xsl:sequence select="(@type[. = ('desc', 'query', 'orig-term', 'alt-name',
            'identification', 'expansion', 'sic', 'editorial', 'translator')], 'note')[1]
            ! string(.)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- note[@type='desc'] as first child of stamp/add/note, with no text before it (§6.5) -->
  <xsl:function name="tt:opening-desc" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="$e/self::note[@type = 'desc']
        and $e/parent::*[self::stamp or self::add or self::note]
        and not($e/preceding-sibling::*)
        and not($e/preceding-sibling::text()[normalize-space()])"/>
  </xsl:function>

  <!-- a global variable, built once: as a local one the map was rebuilt on every call -->
  <xsl:variable name="tt:labels" as="map(xs:string, xs:string)" select="map {
      'supplied': 'Supplied', 'expansion': 'Expanded abbreviation', 'unclear': 'Uncertain reading',
      'gap': 'Omission', 'sic': 'Sic', 'hand': 'Handwriting', 'deletion': 'Deleted',
      'stamp': 'Stamp', 'signature': 'Signature', 'bracket': 'Stray bracket',
      'encoding': 'Lost character', 'foreign': 'Original language',
      'desc': 'Description', 'query': 'Query', 'orig-term': 'Original-language term',
      'alt-name': 'Alternative romanisation', 'identification': 'Identification',
      'expansion-note': 'Expansion', 'editorial': 'Editor’s note',
      'translator': 'Translator’s note', 'note': 'Note'}"/>

  <xsl:function name="tt:label" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="kind" select="tt:kind($e)"/>
    <xsl:variable name="key" select="if ($kind = 'expansion' and $e/self::note)
                                     then 'expansion-note' else string($kind)"/>
    <xsl:sequence select="($tt:labels($key), 'Note')[1]"/>
  </xsl:function>

  <xsl:function name="tt:explain" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="text" as="xs:string*">
      <xsl:apply-templates select="$e" mode="tt:explain"/>
    </xsl:variable>
    <xsl:sequence select="normalize-space(string-join($text, ''))"/>
  </xsl:function>

  <xsl:function name="tt:who" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if ($e/@resp = '#wcda') then 'the editors of the transcript'
                          else if ($e/@resp = '#conv') then 'the converter'
                          else if ($e/@resp = '#ed') then 'the editors of this edition'
                          else 'the translator'"/>
  </xsl:function>

  <xsl:template match="*" mode="tt:explain">
    <xsl:value-of select="normalize-space(.)"/>
  </xsl:template>
  <xsl:template match="supplied" mode="tt:explain">
    <xsl:text>Not in the original: supplied by </xsl:text>
    <xsl:value-of select="tt:who(.)"/>
    <xsl:text>. The transcript has [</xsl:text>
    <xsl:value-of select="normalize-space(.)"/>
    <xsl:text>].</xsl:text>
  </xsl:template>
  <xsl:template match="ex" mode="tt:explain">
    <xsl:text>Abbreviation expanded by </xsl:text>
    <xsl:value-of select="tt:who(.)"/>
    <xsl:text>: “</xsl:text>
    <xsl:value-of select="normalize-space(.)"/>
    <xsl:text>” is not in the original.</xsl:text>
  </xsl:template>
  <xsl:template match="unclear" mode="tt:explain">
    <xsl:text>Uncertain reading</xsl:text>
    <xsl:value-of select="if (@reason = 'faded') then ' (faded)'
                          else if (@reason = 'illegible') then ' (hard to read)' else ''"/>
    <xsl:value-of select="if (@cert = 'low') then ', a conjecture' else ''"/>
    <xsl:text>: “</xsl:text>
    <xsl:value-of select="normalize-space(.)"/>
    <xsl:text>”.</xsl:text>
  </xsl:template>
  <xsl:template match="unclear[@reason = 'encoding']" mode="tt:explain">
    <xsl:text>A character (probably an accented letter) was lost in the transcript and
      appears as “?”.</xsl:text>
  </xsl:template>
  <xsl:template match="gap" mode="tt:explain">
    <xsl:choose>
      <xsl:when test="@reason = 'editorial'">Text omitted in the published transcript.</xsl:when>
      <xsl:when test="@reason = 'summarised'">
        <xsl:text>Text not translated; summarised by </xsl:text>
        <xsl:value-of select="tt:who(.)"/>
        <xsl:text>: </xsl:text>
        <xsl:value-of select="normalize-space(desc)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>Illegible in the original</xsl:text>
        <xsl:value-of select="if (desc) then concat(': ', normalize-space(desc)) else ''"/>
        <xsl:value-of select="if (@quantity) then concat(' (', @quantity, ' ', @unit, ')')
            else if (@atLeast) then concat(' (', @atLeast, '–', @atMost, ' ', @unit, ')') else ''"/>
        <xsl:text>.</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="sic" mode="tt:explain">
    <xsl:text>Sic: reproduced as in the original, although it looks wrong</xsl:text>
    <xsl:variable name="note" select="following-sibling::*[1][self::note[@type = 'sic']]"/>
    <xsl:value-of select="if ($note) then concat(' (', normalize-space($note), ')') else ''"/>
    <xsl:text>.</xsl:text>
  </xsl:template>
  <xsl:template match="add | note[@type = ('resolution', 'handwritten')]" mode="tt:explain">
    <xsl:variable name="hand" select="tokenize(@hand) ! substring(., 2)"/>
    <xsl:variable name="label" select="(note[@type = 'desc'])[1]"/>
    <xsl:value-of select="if (self::note[@type = 'resolution']) then 'A handwritten resolution'
                          else 'Added by hand'"/>
    <xsl:value-of select="if (@place) then concat(' (', @place, ')') else ''"/>
    <xsl:value-of select="if ($hand) then concat(', hand ', string-join($hand, ', ')) else ''"/>
    <xsl:text>. </xsl:text>
    <xsl:value-of select="if ($label) then concat('The transcript labels it “',
        replace(normalize-space($label), '[:;]$', ''), '”.') else ''"/>
  </xsl:template>
  <xsl:template match="del" mode="tt:explain">Deleted in the original.</xsl:template>
  <xsl:template match="stamp" mode="tt:explain">
    <xsl:text>A stamp</xsl:text>
    <xsl:value-of select="if (@type and @type ne 'other') then concat(' (', @type, ')') else ''"/>
    <xsl:value-of select="if (@subtype = 'faded') then ', faded'
                          else if (@subtype = 'partial') then ', only partly visible' else ''"/>
    <xsl:text>, described by </xsl:text>
    <xsl:value-of select="tt:who((note[@type = 'desc'], .)[1])"/>
    <xsl:text>.</xsl:text>
    <xsl:value-of select="if (@rend = 'unopened') then ' Its opening bracket is missing in the
        transcript.' else if (@rend = 'unclosed') then ' Its closing bracket is missing in the
        transcript.' else ''"/>
  </xsl:template>
  <xsl:template match="figure[@type = 'signature']" mode="tt:explain">
    <xsl:text>A signature in the original, not reproduced (transcript: [</xsl:text>
    <xsl:value-of select="normalize-space(figDesc)"/>
    <xsl:text>]).</xsl:text>
  </xsl:template>
  <xsl:template match="c[@type = 'stray-bracket']" mode="tt:explain">
    <xsl:text>A bracket in the transcript that opens or closes nothing.</xsl:text>
  </xsl:template>
  <xsl:template match="foreign" mode="tt:explain">
    <xsl:text>In the original language (</xsl:text>
    <xsl:value-of select="tt:lang-name(@xml:lang)"/>
    <xsl:text>).</xsl:text>
  </xsl:template>
  <xsl:template match="note[@type = 'desc']" mode="tt:explain">
    <xsl:text>Description by </xsl:text>
    <xsl:value-of select="tt:who(.)"/>
    <xsl:text>: </xsl:text>
    <xsl:value-of select="normalize-space(.)"/>
  </xsl:template>
  <xsl:template match="note[@type = 'query']" mode="tt:explain">
    <xsl:text>Marked [?] by </xsl:text>
    <xsl:value-of select="tt:who(.)"/>
    <xsl:text>: a doubtful passage, or a question mark missing from the source.</xsl:text>
  </xsl:template>
  <xsl:template match="note[@type = 'orig-term']" mode="tt:explain">
    <xsl:text>Term in the original language (</xsl:text>
    <xsl:value-of select="tt:lang-name((.//@xml:lang)[1])"/>
    <xsl:text>): </xsl:text>
    <xsl:value-of select="normalize-space(.)"/>
  </xsl:template>
  <xsl:template match="note[@type = 'alt-name']" mode="tt:explain">
    <xsl:text>Also romanised as </xsl:text>
    <xsl:value-of select="normalize-space(.)"/>
    <xsl:text>.</xsl:text>
  </xsl:template>
  <xsl:template match="note[@type = 'identification']" mode="tt:explain">
    <xsl:text>Identified by </xsl:text>
    <xsl:value-of select="tt:who(.)"/>
    <xsl:text> as </xsl:text>
    <xsl:value-of select="normalize-space(.)"/>
    <xsl:text>.</xsl:text>
  </xsl:template>
  <xsl:template match="note[@type = 'expansion']" mode="tt:explain">
    <xsl:text>Expansion: </xsl:text>
    <xsl:value-of select="normalize-space(.)"/>
  </xsl:template>
  <xsl:template match="note[@type = 'sic']" mode="tt:explain">
    <xsl:text>Sic note: </xsl:text>
    <xsl:value-of select="normalize-space(.)"/>
  </xsl:template>
  <xsl:template match="note[@type = ('editorial', 'translator')]" mode="tt:explain">
    <xsl:value-of select="normalize-space(.)"/>
  </xsl:template>
</xsl:stylesheet>
