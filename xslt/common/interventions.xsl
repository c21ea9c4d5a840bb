<?xml version="1.0" encoding="UTF-8"?>
<!--
  Editorial interventions in the two views (included by text.xsl; same modes tt:dipl / tt:read):
  supplied, ex, unclear, gap, sic, del, stray brackets, signatures, stamps, handwriting, inline
  notes and footnote markers (conventions.md B1–B27). D restores the transcript's brackets;
  R shows a clean text. Every intervention goes through the tt:mark hook of text.xsl.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tt="urn:tei-tools"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- ========================= interventions ========================= -->

  <xsl:template match="supplied" mode="tt:dipl">
    <xsl:call-template name="tt:mark">
      <xsl:with-param name="kind" select="'supplied'"/>
      <xsl:with-param name="content" as="item()*">
        <xsl:call-template name="tt:bk"><xsl:with-param name="s" select="'['"/></xsl:call-template>
        <xsl:apply-templates mode="#current"/>
        <xsl:call-template name="tt:bk"><xsl:with-param name="s" select="']'"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="supplied" mode="tt:read">
    <xsl:call-template name="tt:mark">
      <xsl:with-param name="kind" select="'supplied'"/>
      <xsl:with-param name="content" as="item()*"><xsl:apply-templates mode="#current"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="ex" mode="tt:dipl">
    <xsl:call-template name="tt:mark">
      <xsl:with-param name="kind" select="'expansion'"/>
      <xsl:with-param name="content" as="item()*">
        <xsl:call-template name="tt:bk"><xsl:with-param name="s" select="'['"/></xsl:call-template>
        <xsl:apply-templates mode="#current"/>
        <xsl:call-template name="tt:bk"><xsl:with-param name="s" select="']'"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="ex" mode="tt:read">
    <xsl:call-template name="tt:mark">
      <xsl:with-param name="kind" select="'expansion'"/>
      <xsl:with-param name="content" as="item()*"><xsl:apply-templates mode="#current"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="unclear" mode="tt:dipl">
    <xsl:call-template name="tt:mark">
      <xsl:with-param name="kind" select="'unclear'"/>
      <xsl:with-param name="content" as="item()*">
        <xsl:call-template name="tt:bk"><xsl:with-param name="s" select="'[['"/></xsl:call-template>
        <xsl:apply-templates mode="#current"/>
        <xsl:call-template name="tt:bk">
          <xsl:with-param name="s" select="(if (@cert = 'low') then '?' else '')
              || (if (@rend = 'single-close') then ']' else ']]')"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="unclear" mode="tt:read">
    <xsl:call-template name="tt:mark">
      <xsl:with-param name="kind" select="'unclear'"/>
      <xsl:with-param name="content" as="item()*">
        <xsl:apply-templates mode="#current"/>
        <xsl:if test="@cert = 'low'"><span class="q-mark">?</span></xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
  <!-- L25: a "?" for a lost accented letter: as text in D, a faint marker in R -->
  <xsl:template match="unclear[@reason = 'encoding']" mode="tt:dipl tt:read" priority="2">
    <xsl:call-template name="tt:mark">
      <xsl:with-param name="kind" select="'encoding'"/>
      <xsl:with-param name="content" as="item()*"><xsl:apply-templates mode="#current"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="gap" mode="tt:dipl tt:read">
    <xsl:call-template name="tt:mark">
      <xsl:with-param name="kind" select="'gap'"/>
      <xsl:with-param name="block" select="tt:block(.)"/>
      <xsl:with-param name="content" as="item()*">
        <xsl:variable name="open" select="if (@rend = 'unopened') then ''
            else if (@rend = 'single-close') then '[[' else '['"/>
        <xsl:variable name="close" select="if (@rend = 'unclosed') then '' else ']'"/>
        <xsl:call-template name="tt:bk"><xsl:with-param name="s" select="$open"/></xsl:call-template>
        <xsl:choose>
          <xsl:when test="desc">
            <span class="gap-desc"><xsl:apply-templates select="desc/node()" mode="#current"/></span>
          </xsl:when>
          <xsl:when test="@reason = 'editorial'">…</xsl:when>
          <xsl:otherwise>illegible</xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="tt:bk"><xsl:with-param name="s" select="$close"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="sic" mode="tt:dipl">
    <xsl:call-template name="tt:mark">
      <xsl:with-param name="kind" select="'sic'"/>
      <xsl:with-param name="content" as="item()*">
        <xsl:apply-templates mode="#current"/>
        <xsl:if test="not(following-sibling::*[1][self::note[@type = 'sic']])">
          <xsl:text> </xsl:text>
          <xsl:call-template name="tt:bk"><xsl:with-param name="s" select="'[sic]'"/></xsl:call-template>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="sic" mode="tt:read">
    <xsl:call-template name="tt:mark">
      <xsl:with-param name="kind" select="'sic'"/>
      <xsl:with-param name="content" as="item()*"><xsl:apply-templates mode="#current"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="del" mode="tt:dipl">
    <xsl:call-template name="tt:mark">
      <xsl:with-param name="kind" select="'deletion'"/>
      <xsl:with-param name="content" as="item()*"><del><xsl:apply-templates mode="#current"/></del></xsl:with-param>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="del" mode="tt:read"/>

  <xsl:template match="c[@type = 'stray-bracket']" mode="tt:dipl">
    <xsl:call-template name="tt:mark">
      <xsl:with-param name="kind" select="'bracket'"/>
      <xsl:with-param name="content" select="string(.)"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="c[@type = 'stray-bracket']" mode="tt:read"/>

  <!-- P2: /signature/ is the placeholder between slashes (@rend='slashes') -->
  <xsl:template match="figure[@type = 'signature']" mode="tt:dipl">
    <xsl:call-template name="tt:mark">
      <xsl:with-param name="kind" select="'signature'"/>
      <xsl:with-param name="content" as="item()*">
        <xsl:call-template name="tt:bk">
          <xsl:with-param name="s" select="if (@rend = 'slashes') then '/' else '['"/>
        </xsl:call-template>
        <xsl:apply-templates select="figDesc/node()" mode="#current"/>
        <xsl:call-template name="tt:bk">
          <xsl:with-param name="s" select="if (@rend = 'slashes') then '/' else ']'"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="figure[@type = 'signature']" mode="tt:read">
    <xsl:call-template name="tt:mark">
      <xsl:with-param name="kind" select="'signature'"/>
      <xsl:with-param name="content" as="item()*">
        <span class="sig-glyph" aria-hidden="true">✍</span>
        <span class="sig-text">(signed)</span>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Text in another language (L28): marked, so that the language can be looked up; inside
       an original-language note (B8) the note itself is the mark. -->
  <xsl:template match="foreign" mode="tt:dipl tt:read">
    <xsl:variable name="text" as="element()">
      <i class="foreign">
        <xsl:call-template name="tt:lang"/>
        <xsl:apply-templates mode="#current"/>
      </i>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="tt:kind(.)">
        <xsl:call-template name="tt:mark">
          <xsl:with-param name="kind" select="'foreign'"/>
          <xsl:with-param name="content" select="$text"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:sequence select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- == stamps (B18): a box; D keeps label and brackets, R a caption and the content == -->

  <xsl:template match="stamp" mode="tt:dipl">
    <xsl:call-template name="tt:mark">
      <xsl:with-param name="kind" select="'stamp'"/>
      <xsl:with-param name="block" select="tt:block(.) and not(tt:stamps-share-line(.)
          or tt:stamps-share-line(following-sibling::*[1]))"/>
      <xsl:with-param name="content" as="item()*">
        <xsl:choose>
          <xsl:when test="@rend = 'label-only'">
            <xsl:call-template name="tt:label-only"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:if test="not(@rend = ('unopened', 'unbracketed'))">
              <xsl:call-template name="tt:bk"><xsl:with-param name="s" select="'['"/></xsl:call-template>
            </xsl:if>
            <xsl:apply-templates mode="#current"/>
            <xsl:if test="not(@rend = ('unclosed', 'unbracketed'))">
              <xsl:call-template name="tt:bk"><xsl:with-param name="s" select="']'"/></xsl:call-template>
            </xsl:if>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- P13: stamps written side by side on one line keep the space between them in the TEI
       (the tail of the first is one space): D writes them on one line, as tei_tools.text does -->
  <xsl:function name="tt:stamps-share-line" as="xs:boolean">
    <xsl:param name="e" as="element()?"/>
    <xsl:sequence select="exists($e/self::stamp[preceding-sibling::node()[1][. = ' ']
        /preceding-sibling::node()[1][self::stamp]])"/>
  </xsl:function>

  <!-- P10/P11: "[Stamp]: content", "[Handwritten text:] content" (@rend='label-only'): the
       brackets hold only the label (the desc note that opens the element), the content follows -->
  <xsl:template name="tt:label-only">
    <xsl:for-each select="node()">
      <xsl:choose>
        <xsl:when test="self::note[tt:opening-desc(.)]">
          <xsl:call-template name="tt:bk"><xsl:with-param name="s" select="'['"/></xsl:call-template>
          <span class="label-desc"><xsl:apply-templates mode="tt:dipl"/></span>
          <xsl:call-template name="tt:bk"><xsl:with-param name="s" select="']'"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates select="." mode="tt:dipl"/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="stamp" mode="tt:read">
    <xsl:variable name="label" select="note[tt:opening-desc(.)]"/>
    <xsl:call-template name="tt:mark">
      <xsl:with-param name="kind" select="'stamp'"/>
      <xsl:with-param name="block" select="tt:block(.)"/>
      <xsl:with-param name="content" as="item()*">
        <span class="stamp-label">
          <xsl:choose>
            <xsl:when test="$label">
              <xsl:value-of select="replace(normalize-space($label), '\s*:$', '')"/>
            </xsl:when>
            <xsl:otherwise>Stamp</xsl:otherwise>
          </xsl:choose>
        </span>
        <span class="stamp-body">
          <!-- the first line break only separated the label from the content -->
          <xsl:apply-templates select="node() except ($label, $label/following-sibling::node()[1]
              [self::lb], $label/following-sibling::node()[1][self::text()][not(normalize-space())]
              /following-sibling::node()[1][self::lb])" mode="#current"/>
        </span>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- == handwriting (B21, B22) == -->

  <!-- D: a hand's note is bracketed wherever it stands (a margin note too: priority over the
       margin aside of scholarly.xsl), an add only when a label opens it (B21, B22) -->
  <xsl:template match="add | note[@type = ('resolution', 'handwritten')]" mode="tt:dipl"
      priority="2.5">
    <xsl:variable name="bracketed" select="exists(self::note) or exists(note[tt:opening-desc(.)])"/>
    <xsl:call-template name="tt:mark">
      <xsl:with-param name="kind" select="'hand'"/>
      <xsl:with-param name="block" select="tt:block(.)"/>
      <xsl:with-param name="content" as="item()*">
        <xsl:choose>
          <xsl:when test="@rend = 'label-only'">
            <xsl:call-template name="tt:label-only"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:if test="$bracketed">
              <xsl:call-template name="tt:bk"><xsl:with-param name="s" select="'['"/></xsl:call-template>
            </xsl:if>
            <xsl:apply-templates mode="#current"/>
            <xsl:if test="$bracketed">
              <xsl:call-template name="tt:bk"><xsl:with-param name="s" select="']'"/></xsl:call-template>
            </xsl:if>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="add | note[@type = ('resolution', 'handwritten')]" mode="tt:read">
    <xsl:call-template name="tt:mark">
      <xsl:with-param name="kind" select="'hand'"/>
      <xsl:with-param name="block" select="tt:block(.)"/>
      <xsl:with-param name="content" as="item()*">
        <span class="handwriting">
          <!-- R drops the transcript's label ("handwritten:"); the popover gives it -->
          <xsl:apply-templates select="node() except note[@type = 'desc'][tt:opening-desc(.)
              or not(following-sibling::node()[normalize-space()])]" mode="#current"/>
        </span>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- == inline notes (B5–B12, B24) == -->

  <!-- the label of a stamp/add/note: D writes its content alone; R handles it in the parent -->
  <xsl:template match="note[tt:opening-desc(.)]" mode="tt:dipl" priority="3">
    <span class="label-desc"><xsl:apply-templates mode="#current"/></span>
  </xsl:template>
  <xsl:template match="note[tt:opening-desc(.)]" mode="tt:read" priority="3"/>

  <xsl:template match="note[@place = 'inline']" mode="tt:dipl" priority="2">
    <xsl:variable name="kind" select="(tt:kind(.), 'note')[1]"/>
    <xsl:variable name="content" as="item()*">
      <xsl:call-template name="tt:bk"><xsl:with-param name="s" select="'['"/></xsl:call-template>
      <xsl:apply-templates mode="#current"/>
      <xsl:call-template name="tt:bk"><xsl:with-param name="s" select="']'"/></xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="tt:kind(.)">
        <xsl:call-template name="tt:mark">
          <xsl:with-param name="kind" select="$kind"/>
          <xsl:with-param name="block" select="tt:block(.)"/>
          <xsl:with-param name="content" select="$content"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <span class="note-{$kind}"><xsl:sequence select="$content"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- R: glosses become a small marker; the popover / apparatus carries the text -->
  <xsl:template match="note[@place = 'inline'][@type = ('alt-name', 'identification',
      'expansion', 'orig-term', 'query')]" mode="tt:read" priority="2">
    <xsl:call-template name="tt:mark">
      <xsl:with-param name="kind" select="string(@type)"/>
      <xsl:with-param name="content" as="item()*">
        <sup class="marker" data-pagefind-ignore="">
          <xsl:value-of select="map {'alt-name': 'alt', 'identification': '=',
              'expansion': 'exp', 'query': '?',
              'orig-term': lower-case(tokenize(string((.//@xml:lang)[1]), '-')[1])}(@type)"/>
        </sup>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- R: the sic note is part of the sic's explanation -->
  <xsl:template match="note[@type = 'sic'][preceding-sibling::*[1][self::sic]]" mode="tt:read"
      priority="2"/>

  <!-- R: descriptions, summaries and notes of the editors as italic asides -->
  <xsl:template match="note[@place = 'inline']" mode="tt:read" priority="1">
    <xsl:call-template name="tt:mark">
      <xsl:with-param name="kind" select="(tt:kind(.), 'note')[1]"/>
      <xsl:with-param name="block" select="tt:block(.)"/>
      <xsl:with-param name="content" as="item()*">
        <span class="aside"><xsl:apply-templates mode="#current"/></span>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Footnotes (B9): a marker here, the text in the page's notes section. -->
  <xsl:template match="note[tt:is-footnote(.)]" mode="tt:dipl tt:read" priority="4">
    <xsl:param name="tt:view" tunnel="yes" as="xs:string" select="$view"/>
    <xsl:call-template name="tt:footnote-ref">
      <xsl:with-param name="marker" select="tt:footnote-marker(., $tt:view = 'dipl')"/>
    </xsl:call-template>
  </xsl:template>

  <!-- B9: a footnote whose text has no marker in the transcript (@anchored='false') has no call -->
  <xsl:template match="note[tt:is-footnote(.)][@anchored = 'false']" mode="tt:dipl tt:read"
      priority="5"/>

  <!-- R: no space before a call ("1990 <note>" reads "1990¹"); D keeps the transcript's spacing -->
  <xsl:template match="text()[following-sibling::node()[1][self::note[tt:is-footnote(.)]]]"
      mode="tt:read" priority="3">
    <xsl:value-of select="replace(., '\s+$', '')"/>
  </xsl:template>

  <xsl:function name="tt:is-footnote" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="exists($note/self::note[@type = 'footnote' or (@place = ('bottom',
        'foot', 'end') and not(@type = ('resolution', 'handwritten', 'distribution')))])"/>
  </xsl:function>

  <xsl:function name="tt:footnote-id" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="string(($note/@xml:id, 'fn-' || tt:path-id($note))[1])"/>
  </xsl:function>

  <!-- D: the transcript's own marker form; R: the bare number -->
  <xsl:function name="tt:footnote-marker" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:param name="dipl" as="xs:boolean"/>
    <xsl:variable name="n" select="string(($note/@n,
        count($note/preceding::note[tt:is-footnote(.)]) + 1)[1])"/>
    <xsl:sequence select="if (not($dipl)) then $n
        else if ($note/@rend = 'bracketed') then '[' || $n || ']'
        else if ($note/@rend = 'parenthesised') then '(' || $n || ')'
        else if ($note/@rend = 'slash') then $n || '/'
        else $n"/>
  </xsl:function>

  <!-- Other notes of unknown TEI (no @place, or margin notes): an aside in the flow. -->
  <xsl:template match="note" mode="tt:dipl tt:read">
    <xsl:call-template name="tt:box">
      <xsl:with-param name="class" select="string-join(('note', @type ! ('note-' || .)), ' ')"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
