<?xml version="1.0" encoding="UTF-8"?>
<!--
  The document's date: the one place that decides which date of a TEI document is its own. The
  web pages (header, metadata panel, search year facet), the print title block and, through
  xslt/common/document-date.xsl, the summaries behind the index, chronology, citations and the
  book's order all call tt:date-element, so they cannot disagree.

  Real TEI keeps a document's date in many places, and often a web posting or digitisation date
  besides it (FRUS: publicationStmt/date[@type='posted'], 2013, for a letter of 1957). In this
  order, the first candidate with a machine-readable value (@when, @from, @notBefore, @notAfter)
  wins; if none has one, the first with text:
    1. profileDesc/creation//date                the date the document was made
    2. profileDesc/correspDesc/correspAction[@type='sent']//date   a letter's sending
    3. sourceDesc//date (bibl/date, msDesc …)    the source's date; not dates of related
                                                 items (other formats) or typed as publication
    4. text//docDate                             the date the text itself gives
    5. text//dateline//date                      the date of a dateline
    6. teiHeader//date[@type='created']          a header date said to be the creation date
    7. publicationStmt//date                     only then: when the edition published it
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tt="urn:tei-tools"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:variable name="tt:months" as="xs:string+"
      select="('January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
               'September', 'October', 'November', 'December')"/>

  <!-- Human-readable form of an ISO date or date-time: 1957-05-23 → 23 May 1957. -->
  <xsl:function name="tt:date-label" as="xs:string">
    <xsl:param name="when" as="xs:string?"/>
    <xsl:variable name="parts" select="tokenize(substring-before(concat($when, 'T'), 'T'), '-')"/>
    <xsl:choose>
      <xsl:when test="not(matches(string($when), '^\d{4}(-\d{2}(-\d{2})?)?(T.*)?$'))">
        <xsl:sequence select="string($when)"/>
      </xsl:when>
      <xsl:when test="count($parts) = 3 and xs:integer($parts[2]) = 1 to 12">
        <xsl:sequence select="concat(xs:integer($parts[3]), ' ', $tt:months[xs:integer($parts[2])],
                                     ' ', $parts[1])"/>
      </xsl:when>
      <xsl:when test="count($parts) = 2 and xs:integer($parts[2]) = 1 to 12">
        <xsl:sequence select="concat($tt:months[xs:integer($parts[2])], ' ', $parts[1])"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="$parts[1]"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="tt:date-candidates" as="element()*">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="h" select="$tei/teiHeader"/>
    <xsl:sequence select="
        $h/profileDesc/creation//date,
        $h/profileDesc/correspDesc/correspAction[@type = 'sent']//date,
        $h/fileDesc/sourceDesc//date[not(ancestor::relatedItem)]
                                    [not(contains(lower-case(@type), 'publi'))],
        $tei/text//docDate,
        $tei/text//dateline//date,
        $h//date[@type = 'created'],
        $h/fileDesc/publicationStmt//date"/>
  </xsl:function>

  <!-- The document's own date element (see above), or () when it has none. -->
  <xsl:function name="tt:date-element" as="element()?">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="candidates" select="tt:date-candidates($tei)"/>
    <xsl:sequence select="($candidates[tt:iso(.)], $candidates[normalize-space()])[1]"/>
  </xsl:function>

  <!-- ISO value of a date element: @when, else @from (with @to), else @notBefore. -->
  <xsl:function name="tt:iso" as="xs:string?">
    <xsl:param name="date" as="element()?"/>
    <xsl:sequence select="($date/@when, $date/@from, $date/@notBefore, $date/@notAfter)
                          [matches(., '^-?\d{4}')][1] ! normalize-space(.)"/>
  </xsl:function>

  <!-- The date as written, else its ISO value in words (<date when="1719-11-15"/>). -->
  <xsl:function name="tt:date-text" as="xs:string">
    <xsl:param name="date" as="element()?"/>
    <xsl:sequence select="if (normalize-space($date)) then normalize-space($date)
                          else if (tt:iso($date)) then tt:date-label(tt:iso($date)) else ''"/>
  </xsl:function>

  <!-- Where the date was found, as an XPath from the TEI element (shown by the build). -->
  <xsl:function name="tt:date-source" as="xs:string">
    <xsl:param name="date" as="element()?"/>
    <xsl:sequence select="if (empty($date)) then '' else string-join(
        $date/ancestor-or-self::*[not(self::TEI)] ! (name() || (if (@type) then
        '[@type=''' || @type || ''']' else '')), '/')"/>
  </xsl:function>
</xsl:stylesheet>
