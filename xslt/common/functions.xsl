<?xml version="1.0" encoding="UTF-8"?>
<!--
  View-independent helper functions shared by the web (xslt/html/) and print (xslt/print/) writers.

  Everything here is pure: no output, no modes. Import it (xsl:import) from any stylesheet that
  renders house-encoded TEI (conventions.md §5). Namespace prefix tt = urn:tei-tools.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tt="urn:tei-tools"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- tt:date-element, tt:iso: which date is the document's own -->
  <xsl:import href="dates.xsl"/>


  <!-- conventions.md Appendix A.5; the rest falls back to the code itself. -->
  <xsl:variable name="tt:languages" as="map(xs:string, xs:string)" select="map {
      'en': 'English', 'ru': 'Russian', 'ko': 'Korean', 'zh': 'Chinese', 'hu': 'Hungarian',
      'ro': 'Romanian', 'de': 'German', 'pl': 'Polish', 'cs': 'Czech', 'bg': 'Bulgarian',
      'sq': 'Albanian', 'mn': 'Mongolian', 'vi': 'Vietnamese', 'es': 'Spanish',
      'pt': 'Portuguese', 'fr': 'French', 'ja': 'Japanese', 'la': 'Latin'}"/>

  <!-- conventions.md §5.2, div[@type='document']/@subtype -->
  <xsl:variable name="tt:doctypes" as="map(xs:string, xs:string)" select="map {
      'diary': 'Diary entry', 'telegram': 'Telegram', 'memcon': 'Memorandum of conversation',
      'report': 'Report', 'letter': 'Letter', 'minutes': 'Minutes', 'note': 'Note',
      'decree': 'Decree', 'information': 'Information', 'other': 'Other'}"/>

  <xsl:variable name="tt:classifications" as="map(xs:string, xs:string)" select="map {
      'cls.ts': 'Top secret', 'cls.s': 'Secret', 'cls.c': 'Confidential',
      'cls.sf': 'Special file'}"/>

  <!--
    A URL from TEI (@target, @ref, @url) that may become a link, or () when it must not.
    Allowed: http, https, mailto and relative references. Everything else (javascript:, data:,
    vbscript:, file: …) is refused. Browsers ignore ASCII whitespace and control characters inside
    a scheme ("java\tscript:"), so the scheme is checked after removing them.
  -->
  <xsl:function name="tt:safe-url" as="xs:string?">
    <xsl:param name="url" as="xs:string?"/>
    <xsl:variable name="trimmed" select="normalize-space($url)"/>
    <xsl:variable name="squeezed" select="lower-case(replace($trimmed, '[\p{Cc}\s]', ''))"/>
    <xsl:choose>
      <xsl:when test="$trimmed = ''"/>
      <xsl:when test="matches($trimmed, '[\p{Cc}]')"/>
      <xsl:when test="matches($squeezed, '^(https?|mailto):')">
        <xsl:sequence select="iri-to-uri($trimmed)"/>
      </xsl:when>
      <!-- any other scheme before the first / ? or #: refused -->
      <xsl:when test="matches($squeezed, '^[^/?#]*:')"/>
      <xsl:otherwise>
        <xsl:sequence select="iri-to-uri($trimmed)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="tt:lang-name" as="xs:string">
    <xsl:param name="code" as="xs:string?"/>
    <xsl:variable name="base" select="lower-case(tokenize(string($code), '-')[1])"/>
    <xsl:variable name="name" select="($tt:languages($base), $code)[1]"/>
    <xsl:sequence select="if (ends-with(string($code), '-Latn'))
                          then concat($name, ', romanised') else string($name)"/>
  </xsl:function>

  <!--
    A stable id for an element without xml:id: its position path (1-3-2…). Unlike generate-id()
    it does not depend on how many documents the processor has seen, so output stays
    byte-identical however the build is parallelised.
  -->
  <xsl:function name="tt:path-id" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="string-join($e/ancestor-or-self::* ! string(count(preceding-sibling::*)
                          + 1), '-')"/>
  </xsl:function>

  <!-- ===================== header: the document's metadata ===================== -->

  <xsl:function name="tt:title" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="t" select="($tei/teiHeader/fileDesc/titleStmt/title[@type = 'main'],
                                    $tei/teiHeader/fileDesc/titleStmt/title)[1]"/>
    <xsl:sequence select="if ($t) then normalize-space(string($t))
                          else string(($tei/@xml:id, 'Untitled document')[1])"/>
  </xsl:function>

  <xsl:function name="tt:doctype" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="ref" select="($tei/teiHeader/profileDesc/textClass/catRef
                                       [@scheme = '#doctype']/@target)[1]"/>
    <xsl:variable name="cat" select="$tei/teiHeader//category[@xml:id = substring($ref, 2)]"/>
    <xsl:variable name="sub" select="string(($tei/text/body/div[@type = 'document']/@subtype)[1])"/>
    <xsl:sequence select="if ($cat/catDesc) then normalize-space($cat/catDesc[1])
                          else if ($sub) then ($tt:doctypes($sub), $sub)[1]
                          else ''"/>
  </xsl:function>

  <!--
    The type for grouping and filtering: the closed list of div/@subtype (conventions.md §5.2)
    when the document has one, so that "Diary Entry" and "JOURNAL" both count as diary entries;
    else the catalogue's type (tt:doctype).
  -->
  <xsl:function name="tt:doctype-group" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="sub" select="string(($tei/text/body/div[@type = 'document']/@subtype)[1])"/>
    <xsl:sequence select="if ($sub) then ($tt:doctypes($sub), $sub)[1] else tt:doctype($tei)"/>
  </xsl:function>

  <xsl:function name="tt:classification" as="xs:string*">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="distinct-values($tei/teiHeader/profileDesc/textClass/catRef
        [@scheme = '#classification']/tokenize(@target) ! $tt:classifications(substring(., 2)))"/>
  </xsl:function>

  <xsl:function name="tt:translator" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="r" select="$tei/teiHeader/fileDesc/titleStmt/respStmt[@xml:id = 'tr']"/>
    <xsl:sequence select="($r/(persName, orgName, name)[normalize-space()])[1] ! normalize-space(.)"/>
  </xsl:function>

  <xsl:function name="tt:archive" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="id" select="($tei/teiHeader/fileDesc/sourceDesc/msDesc/msIdentifier)[1]"/>
    <xsl:sequence select="string-join(($id/repository, $id/settlement)[normalize-space()]
                                      ! normalize-space(.), ', ')"/>
  </xsl:function>

  <xsl:function name="tt:shelfmark" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="id" select="($tei/teiHeader/fileDesc/sourceDesc/msDesc/msIdentifier)[1]"/>
    <xsl:sequence select="normalize-space(string(($id/altIdentifier[@type = 'as-cited']/idno,
                                                  $id/idno)[1]))"/>
  </xsl:function>
</xsl:stylesheet>
