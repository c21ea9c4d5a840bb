<?xml version="1.0" encoding="UTF-8"?>
<!--
  The metadata panel and the citation block of a document page. Fields that the TEI lacks are
  left out, so TEI from other projects gets a shorter panel instead of an error.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tt="urn:tei-tools"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:template name="tt:meta-panel">
    <xsl:variable name="h" select="$tei/teiHeader"/>
    <xsl:variable name="ms" select="($h/fileDesc/sourceDesc/msDesc)[1]"/>
    <xsl:variable name="date" select="tt:date-element($tei)"/>
    <xsl:variable name="iso" select="tt:iso($date)"/>
    <section class="meta-panel" aria-labelledby="meta-title">
      <h2 id="meta-title">Document</h2>
      <dl>
        <!-- each field written straight away (a list of fields built first, then filtered and
             copied, cost about twice as much) -->
        <xsl:call-template name="tt:meta-field">
          <xsl:with-param name="label" select="'Date'"/>
          <xsl:with-param name="value" select="if (not($date)) then ''
              else tt:date-text($date) || (if ($iso and $iso ne tt:date-text($date))
                                              then ' (' || $iso || ')' else '')"/>
        </xsl:call-template>
        <xsl:call-template name="tt:meta-field">
          <xsl:with-param name="label" select="'Document type'"/>
          <xsl:with-param name="value" select="tt:doctype($tei)"/>
        </xsl:call-template>
        <xsl:call-template name="tt:meta-field">
          <xsl:with-param name="label" select="'Classification'"/>
          <xsl:with-param name="value" select="string-join(tt:classification($tei), ', ')"/>
        </xsl:call-template>
        <xsl:call-template name="tt:meta-field">
          <xsl:with-param name="label" select="'Archive'"/>
          <xsl:with-param name="value" select="tt:archive($tei)"/>
          <xsl:with-param name="filter" select="'archive'"/>
        </xsl:call-template>
        <xsl:call-template name="tt:meta-field">
          <xsl:with-param name="label" select="'Shelfmark'"/>
          <xsl:with-param name="value" select="tt:shelfmark($tei)"/>
        </xsl:call-template>
        <xsl:call-template name="tt:meta-field">
          <xsl:with-param name="label" select="'Original language'"/>
          <xsl:with-param name="value"
              select="string-join($ms/msContents/textLang ! normalize-space(.), ', ')"/>
        </xsl:call-template>
        <xsl:call-template name="tt:meta-field">
          <xsl:with-param name="label" select="'Translation'"/>
          <xsl:with-param name="value" select="string-join($h/fileDesc/titleStmt/respStmt
              [@xml:id = 'tr'] ! normalize-space(string-join((resp, (persName, orgName, name))
              ! normalize-space(.), ' ')), '; ')"/>
        </xsl:call-template>
        <xsl:call-template name="tt:meta-field">
          <xsl:with-param name="label" select="'Authors'"/>
          <xsl:with-param name="value"
              select="string-join($h/fileDesc/titleStmt/author ! normalize-space(.), '; ')"/>
        </xsl:call-template>
        <xsl:call-template name="tt:meta-field">
          <xsl:with-param name="label" select="'Funders'"/>
          <xsl:with-param name="value"
              select="string-join($h/fileDesc/titleStmt/funder ! normalize-space(.), '; ')"/>
        </xsl:call-template>
        <xsl:call-template name="tt:meta-field">
          <xsl:with-param name="label" select="'Published by'"/>
          <xsl:with-param name="value" select="string-join($h/fileDesc/publicationStmt
              /(publisher, distributor, authority) ! normalize-space(.), '; ')"/>
        </xsl:call-template>
        <xsl:call-template name="tt:meta-field">
          <xsl:with-param name="label" select="'Handwriting'"/>
          <xsl:with-param name="value" select="string-join($h/profileDesc/handNotes/handNote !
              (@xml:id || ': ' || normalize-space(.)), '; ')"/>
        </xsl:call-template>
        <xsl:call-template name="tt:meta-field">
          <xsl:with-param name="label" select="'Cited in the source as'"/>
          <xsl:with-param name="value" select="normalize-space(string(($h/fileDesc/sourceDesc
              /bibl[@type = 'citation'])[1]))"/>
        </xsl:call-template>
        <xsl:call-template name="tt:meta-source"/>
        <xsl:call-template name="tt:meta-scans"/>
        <xsl:call-template name="tt:meta-rights"/>
      </dl>
    </section>
  </xsl:template>

  <!-- The scans of the original that the TEI links (sourceDesc refs, facsimile graphics):
       links where the URL is absolute, else the file names (the edition does not copy them). -->
  <xsl:template name="tt:meta-scans">
    <xsl:variable name="urls" select="tt:scan-urls($tei)"/>
    <xsl:if test="exists($urls)">
      <dt><xsl:value-of select="if (count($urls) = 1) then 'Scan' else 'Scans'"/></dt>
      <dd class="scans">
        <xsl:for-each select="$urls">
          <xsl:if test="position() gt 1"><xsl:text>, </xsl:text></xsl:if>
          <xsl:variable name="href" select="tt:absolute-url(.)"/>
          <xsl:choose>
            <xsl:when test="exists($href)">
              <a class="ext scan" href="{$href}"><xsl:value-of select="tt:url-name(.)"/></a>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </dd>
    </xsl:if>
    <xsl:variable name="images" select="tt:facsimile-urls($tei)"/>
    <xsl:if test="exists($images)">
      <dt>Facsimile</dt>
      <dd class="facsimile">
        <xsl:value-of select="count($images) || (if (count($images) = 1) then ' page image'
                              else ' page images') || ' (linked at the page breaks)'"/>
      </dd>
    </xsl:if>
  </xsl:template>

  <!-- one field of the panel, left out when it is empty -->
  <xsl:template name="tt:meta-field">
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="value" as="xs:string"/>
    <xsl:param name="filter" as="xs:string?"/>
    <xsl:if test="normalize-space($value)">
      <dt><xsl:value-of select="$label"/></dt>
      <dd>
        <xsl:if test="$filter">
          <xsl:attribute name="data-pagefind-filter" select="$filter"/>
        </xsl:if>
        <xsl:value-of select="$value"/>
      </dd>
    </xsl:if>
  </xsl:template>

  <!-- The digital source the TEI was made from (bibl[@type='digital-source'], M11). -->
  <xsl:template name="tt:meta-source">
    <xsl:variable name="b" select="($tei/teiHeader/fileDesc/sourceDesc/bibl
        [@type = 'digital-source'])[1]"/>
    <xsl:if test="$b">
      <dt>Digital source</dt>
      <dd>
        <xsl:variable name="url" select="tt:safe-url(($b/ref/@target)[1])"/>
        <xsl:choose>
          <xsl:when test="exists($url)">
            <a href="{$url}"><xsl:value-of select="normalize-space($b/publisher)"/></a>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="normalize-space($b/publisher)"/></xsl:otherwise>
        </xsl:choose>
        <xsl:for-each select="$b/idno[@type = 'WCDA']">
          <xsl:value-of select="', record ' || normalize-space(.)"/>
        </xsl:for-each>
        <xsl:for-each select="$b/date[@type = 'catalogue']">
          <xsl:value-of select="', catalogued as ' || normalize-space(.)"/>
        </xsl:for-each>
      </dd>
    </xsl:if>
  </xsl:template>

  <xsl:template name="tt:meta-rights">
    <xsl:variable name="lic" select="($tei/teiHeader/fileDesc/publicationStmt/availability
        /licence)[1]"/>
    <xsl:variable name="avail" select="($tei/teiHeader/fileDesc/publicationStmt/availability)[1]"/>
    <xsl:if test="normalize-space($avail)">
      <dt>Rights</dt>
      <dd class="rights">
        <xsl:value-of select="normalize-space(($lic, $avail)[1])"/>
        <xsl:variable name="url" select="tt:safe-url(($lic/@target)[1])"/>
        <xsl:if test="exists($url)">
          <xsl:text> </xsl:text>
          <a href="{$url}">Rights statement</a>
        </xsl:if>
      </dd>
    </xsl:if>
  </xsl:template>

  <xsl:template name="tt:cite-block">
    <section class="cite" aria-labelledby="cite-title">
      <h2 id="cite-title">Cite this document</h2>
      <xsl:if test="normalize-space($cite-chicago)">
        <p class="chicago" id="cite-chicago"><xsl:value-of select="$cite-chicago"/></p>
      </xsl:if>
      <ul class="cite-links">
        <li><a href="{$csl-href}" type="application/vnd.citationstyles.csl+json"
            download="">CSL-JSON</a></li>
        <li><a href="{$bib-href}" type="application/x-bibtex" download="">BibTeX</a></li>
        <li><a href="{$tei-href}" type="application/tei+xml" download="">TEI source</a></li>
      </ul>
      <p class="permalink">
        <xsl:text>Permalink: </xsl:text>
        <a href="{$permalink}" class="permalink-url"><xsl:value-of select="$permalink"/></a>
      </p>
    </section>
  </xsl:template>
</xsl:stylesheet>
