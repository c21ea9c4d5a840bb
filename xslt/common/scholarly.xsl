<?xml version="1.0" encoding="UTF-8"?>
<!--
  What editions made elsewhere hold and the house encoding does not (issue 15): critical
  apparatus, bibliographies, quotations with their source, numbered verse, margin notes,
  figures and facsimiles. Included by text.xsl (same precedence as its templates), for both
  views. Images are never fetched (Endings: no remote assets): a figure or page image is a
  placeholder that names it, linked when its URL is absolute.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tt="urn:tei-tools"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- ========================= apparatus ========================= -->

  <!-- The lemma in the text; the readings after it as an apparatus note:
       "approved (rejected B C)", not "approvedrejected". -->
  <xsl:template match="app" mode="tt:dipl tt:read">
    <xsl:variable name="lemma" select="(lem, rdg)[1]"/>
    <span class="app">
      <span class="lem"><xsl:apply-templates select="$lemma/node()" mode="#current"/></span>
      <!-- the readings, and whatever else the apparatus holds (notes on a reading, wit
           details), in their order -->
      <xsl:variable name="others" select="(* except $lemma)[not(self::lem)]"/>
      <xsl:if test="$others">
        <span class="app-note" role="note">
          <xsl:if test="$lemma/(@wit | @source)">
            <xsl:attribute name="title" select="'lemma: ' || tt:witnesses($lemma)"/>
          </xsl:if>
          <xsl:text> [</xsl:text>
          <xsl:for-each select="$others">
            <xsl:if test="position() gt 1"><xsl:text>; </xsl:text></xsl:if>
            <xsl:choose>
              <xsl:when test="self::rdgGrp">
                <xsl:for-each select="rdg">
                  <xsl:if test="position() gt 1"><xsl:text>; </xsl:text></xsl:if>
                  <xsl:call-template name="tt:reading"/>
                </xsl:for-each>
              </xsl:when>
              <xsl:when test="self::rdg"><xsl:call-template name="tt:reading"/></xsl:when>
              <xsl:otherwise><xsl:apply-templates select="." mode="#current"/></xsl:otherwise>
            </xsl:choose>
          </xsl:for-each>
          <xsl:text>]</xsl:text>
        </span>
      </xsl:if>
    </span>
  </xsl:template>

  <xsl:template name="tt:reading">
    <span class="rdg">
      <xsl:apply-templates mode="#current"/>
      <xsl:if test="not(normalize-space())"><i>om.</i></xsl:if>
    </span>
    <xsl:if test="@wit | @source">
      <xsl:text> </xsl:text>
      <span class="wit"><xsl:value-of select="tt:witnesses(.)"/></span>
    </xsl:if>
  </xsl:template>

  <!-- "#A #B" → "A B" (the sigla of the witnesses) -->
  <xsl:function name="tt:witnesses" as="xs:string">
    <xsl:param name="reading" as="element()"/>
    <xsl:sequence select="string-join(tokenize(string-join($reading/(@wit, @source), ' '))
                                      ! replace(., '^.*#', ''), ' ')"/>
  </xsl:function>

  <!-- ========================= bibliographies and quotations ========================= -->

  <xsl:template match="listBibl | listWit" mode="tt:dipl tt:read">
    <div class="{local-name()}">
      <xsl:call-template name="tt:id"/>
      <xsl:apply-templates select="head" mode="#current"/>
      <ul>
        <xsl:for-each select="* except head">
          <li><xsl:apply-templates select="." mode="#current"/></li>
        </xsl:for-each>
      </ul>
    </div>
  </xsl:template>

  <xsl:template match="bibl | biblStruct | witness" mode="tt:dipl tt:read">
    <xsl:call-template name="tt:box">
      <xsl:with-param name="class" select="local-name()"/>
      <xsl:with-param name="block" select="tt:block(.) or exists(parent::cit)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- cit, and quote that holds paragraphs or verse: blocks of their own -->
  <xsl:template match="cit[tt:block(.) or quote[p | lg | l]]" mode="tt:dipl tt:read">
    <blockquote class="cit">
      <xsl:call-template name="tt:lang"/>
      <xsl:apply-templates mode="#current"/>
    </blockquote>
  </xsl:template>
  <xsl:template match="quote[parent::cit or parent::epigraph]" mode="tt:dipl tt:read"
      priority="2">
    <div class="quote">
      <xsl:call-template name="tt:lang"/>
      <xsl:apply-templates mode="#current"/>
    </div>
  </xsl:template>
  <xsl:template match="quote[p | lg | l][not(parent::cit or parent::epigraph)]"
      mode="tt:dipl tt:read" priority="2">
    <blockquote>
      <xsl:call-template name="tt:lang"/>
      <xsl:apply-templates mode="#current"/>
    </blockquote>
  </xsl:template>

  <!-- ========================= verse ========================= -->

  <!-- l/@n: the line's number beside it (every fifth, and any that is not a number) -->
  <xsl:template match="l" mode="tt:dipl tt:read">
    <span class="l">
      <xsl:if test="@n"><xsl:attribute name="data-n" select="@n"/></xsl:if>
      <xsl:call-template name="tt:id"/>
      <xsl:if test="tt:shown-line-number(.)">
        <span class="l-n" aria-hidden="true"><xsl:value-of select="@n"/></span>
      </xsl:if>
      <xsl:apply-templates mode="#current"/>
    </span>
    <br/>
  </xsl:template>

  <xsl:function name="tt:shown-line-number" as="xs:boolean">
    <xsl:param name="l" as="element()"/>
    <xsl:sequence select="normalize-space($l/@n) != '' and (not($l/@n castable as xs:integer)
                          or xs:integer($l/@n) mod 5 = 0)"/>
  </xsl:function>

  <!-- ========================= margin notes ========================= -->

  <xsl:template match="note[@place = ('margin', 'left', 'right', 'marginLeft', 'marginRight',
      'marginOuter', 'marginInner', 'margin-left', 'margin-right')]" mode="tt:dipl tt:read"
      priority="2">
    <span class="note-margin" role="note">
      <xsl:call-template name="tt:lang"/>
      <span class="visually-hidden"> (in the margin: </span>
      <xsl:apply-templates mode="#current"/>
      <span class="visually-hidden">) </span>
    </span>
  </xsl:template>

  <!-- ========================= figures and facsimiles ========================= -->

  <xsl:template match="graphic[@url] | media[@url]" mode="tt:dipl tt:read">
    <xsl:call-template name="tt:image-placeholder">
      <xsl:with-param name="url" select="string(@url)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="tt:image-placeholder">
    <xsl:param name="url" as="xs:string"/>
    <xsl:param name="label" as="xs:string" select="'Image'"/>
    <xsl:variable name="href" select="tt:absolute-url($url)"/>
    <span class="graphic">
      <xsl:value-of select="$label || ': '"/>
      <xsl:choose>
        <xsl:when test="exists($href)"><a class="ext" href="{$href}"><xsl:value-of
            select="tt:url-name($url)"/></a></xsl:when>
        <xsl:otherwise><xsl:value-of select="$url"/></xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <!-- an http(s) URL that may become a link, or () (a relative one names a file that the
       edition does not copy) -->
  <xsl:function name="tt:absolute-url" as="xs:string?">
    <xsl:param name="url" as="xs:string?"/>
    <xsl:sequence select="tt:safe-url($url)[matches(., '^https?://', 'i')]"/>
  </xsl:function>

  <xsl:function name="tt:url-name" as="xs:string">
    <xsl:param name="url" as="xs:string"/>
    <xsl:sequence select="(tokenize(replace($url, '[?#].*$', ''), '/')[normalize-space()][last()],
                           $url)[1]"/>
  </xsl:function>

  <!-- The image of a page: pb/@facs, a URL or a reference to facsimile/surface or graphic -->
  <xsl:function name="tt:facs-url" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="facs" select="normalize-space(($e/@facs, '')[1])"/>
    <xsl:variable name="target" select="if (starts-with($facs, '#'))
        then key('tt:by-id', substring($facs, 2), root($e)) else ()"/>
    <xsl:sequence select="if (not($facs)) then ()
        else if (starts-with($facs, '#'))
        then ($target/descendant-or-self::graphic/@url, $target/@url)[1] ! string(.)
        else $facs"/>
  </xsl:function>

  <xsl:key name="tt:by-id" match="*[@xml:id]" use="@xml:id"/>

  <xsl:template name="tt:facs-link">
    <xsl:variable name="url" select="tt:facs-url(.)"/>
    <xsl:if test="exists($url)">
      <xsl:text> </xsl:text>
      <xsl:call-template name="tt:image-placeholder">
        <xsl:with-param name="url" select="$url"/>
        <xsl:with-param name="label" select="'page image'"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The scans of the original that sourceDesc links: for the metadata -->
  <xsl:function name="tt:scan-urls" as="xs:string*">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="distinct-values(
        $tei/teiHeader/fileDesc/sourceDesc//(ref/@target, ptr/@target, @facs)
        ! normalize-space(.)[.])"/>
  </xsl:function>

  <!-- The page images of facsimile (shown where the text's pb/@facs points at them) -->
  <xsl:function name="tt:facsimile-urls" as="xs:string*">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="distinct-values($tei/facsimile//graphic/@url ! normalize-space(.)[.])"/>
  </xsl:function>
</xsl:stylesheet>
