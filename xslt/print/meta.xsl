<?xml version="1.0" encoding="UTF-8"?>
<!--
  The title block of a printed document: title, date, type, archive and shelfmark, translator,
  funders, rights and summary, read from the teiHeader. Every field is optional, so that TEI from
  other projects (no house header) still prints with what it has.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:p="urn:tei-tools:print"
    xmlns:tt="urn:tei-tools"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <!-- tt:date-element: the document's own date, by the same rules as the web edition -->
  <xsl:import href="../common/dates.xsl"/>

  <xsl:function name="p:title" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="titles" select="$tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title"/>
    <xsl:sequence select="normalize-space(string((
        $titles[@type = 'main'], $titles[@type = 'complete'], $titles[not(@type)], $titles,
        $tei//tei:body//tei:head)[normalize-space()][1]))"/>
  </xsl:function>

  <!-- The title, cut for the running head. -->
  <xsl:function name="p:short-title" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="t" select="p:title($tei)"/>
    <xsl:sequence select="if (string-length($t) le 70) then $t
                          else replace(substring($t, 1, 68), '\s+\S*$', '') || ' …'"/>
  </xsl:function>

  <xsl:function name="p:translator" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="normalize-space(string-join(
        $tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:respStmt[@xml:id = 'tr']
          /(tei:persName | tei:name | tei:orgName), ', '))"/>
  </xsl:function>

  <xsl:function name="p:summary" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="normalize-space(string-join(
        $tei/tei:teiHeader/tei:profileDesc/tei:abstract//text(), ''))"/>
  </xsl:function>

  <xsl:function name="p:doctype" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="h" select="$tei/tei:teiHeader"/>
    <xsl:variable name="ref" select="$h/tei:profileDesc/tei:textClass/tei:catRef
                                     [@scheme = '#doctype']/substring-after(@target, '#')"/>
    <xsl:sequence select="normalize-space(string((
        $h//tei:category[@xml:id = $ref]/tei:catDesc,
        $h//tei:taxonomy[@xml:id = 'doctype']//tei:catDesc)[1]))"/>
  </xsl:function>

  <xsl:template match="tei:TEI" mode="p:title-block">
    <xsl:variable name="h" select="tei:teiHeader"/>
    <xsl:variable name="fd" select="$h/tei:fileDesc"/>
    <xsl:variable name="ms" select="$fd/tei:sourceDesc/tei:msDesc/tei:msIdentifier"/>
    <xsl:variable name="date" select="tt:date-element(.)"/>
    <xsl:variable name="classification" select="$h//tei:taxonomy[@xml:id = 'classification']
        //tei:category[@xml:id = $h/tei:profileDesc/tei:textClass/tei:catRef
        [@scheme = '#classification']/substring-after(@target, '#')]/tei:catDesc"/>
    <header class="title-block">
      <!-- the running head's left half: the edition, or the publisher of a stand-alone PDF -->
      <xsl:variable name="edition-line" select="($edition-title[. != ''],
          $fd/tei:publicationStmt/tei:publisher/normalize-space())[. != ''][1]"/>
      <xsl:if test="exists($edition-line)">
        <p class="edition-line"><xsl:value-of select="$edition-line"/></p>
      </xsl:if>
      <h1 class="doc-title" data-short="{p:short-title(.)}">
        <xsl:value-of select="p:title(.)"/>
      </h1>
      <dl class="meta">
        <xsl:sequence select="p:field('Date', tt:date-text($date), tt:iso($date))"/>
        <xsl:sequence select="p:field('Type', p:doctype(.), ())"/>
        <xsl:sequence select="p:field('Classification', string-join($classification, ', '), ())"/>
        <xsl:sequence select="p:field('Archive', string-join(
            ($ms/tei:repository, $ms/tei:institution, $ms/tei:settlement)[normalize-space()], ', '),
            ())"/>
        <xsl:sequence select="p:field('Shelfmark', string(($ms/tei:altIdentifier/tei:idno,
            $ms/tei:idno)[normalize-space()][1]), ())"/>
        <xsl:sequence select="p:field('Language', string-join(
            $fd/tei:sourceDesc/tei:msDesc/tei:msContents/tei:textLang, ', '), ())"/>
        <xsl:sequence select="p:field('Translator', p:translator(.), ())"/>
        <!-- the scan of the original that sourceDesc links -->
        <xsl:sequence select="p:field('Scan', string-join(distinct-values(
            $fd/tei:sourceDesc//(tei:ref/@target, tei:ptr/@target, @facs) ! normalize-space(.)),
            ', '), ())"/>
        <xsl:sequence select="p:field('Funders', string-join($fd/tei:titleStmt/tei:funder
            /normalize-space(), '; '), ())"/>
        <xsl:sequence select="p:field('Source', string-join(
            ($fd/tei:sourceDesc/tei:bibl[@type = 'digital-source']/tei:publisher,
             $fd/tei:publicationStmt/tei:publisher)[normalize-space()][1], ''), ())"/>
        <xsl:sequence select="p:field('Rights', normalize-space(string-join(
            $fd/tei:publicationStmt/tei:availability//text(), ' ')), ())"/>
      </dl>
      <xsl:if test="$h/tei:revisionDesc/tei:change[@status = 'unproofread']">
        <p class="notice">Not yet proofread.</p>
      </xsl:if>
      <xsl:if test="p:summary(.) != ''">
        <div class="summary">
          <p class="summary-label">Summary</p>
          <xsl:for-each select="$h/tei:profileDesc/tei:abstract">
            <xsl:for-each select="if (tei:p) then tei:p else .">
              <p><xsl:value-of select="normalize-space(.)"/></p>
            </xsl:for-each>
          </xsl:for-each>
        </div>
      </xsl:if>
    </header>
  </xsl:template>

  <!-- One dt/dd pair, or nothing when the value is empty. -->
  <xsl:function name="p:field" as="element()*">
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:param name="iso" as="xs:string?"/>
    <xsl:variable name="v" select="normalize-space($value)"/>
    <xsl:if test="$v != ''">
      <dt class="{lower-case($label)}"><xsl:value-of select="$label"/></dt>
      <dd class="{lower-case($label)}">
        <xsl:value-of select="$v"/>
        <xsl:if test="$iso and not(contains($v, $iso))">
          <xsl:text> (</xsl:text><xsl:value-of select="$iso"/><xsl:text>)</xsl:text>
        </xsl:if>
      </dd>
    </xsl:if>
  </xsl:function>

</xsl:stylesheet>
