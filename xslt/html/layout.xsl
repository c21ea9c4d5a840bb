<?xml version="1.0" encoding="UTF-8"?>
<!--
  The page shell shared by every page of the web edition: <head>, site header and navigation,
  footer with version and build date. Override tt:site-header, tt:site-footer or tt:head-extra
  in an edition's xslt/layout.xsl to change them everywhere.

  Global parameters are set by tei_tools.writers.html (Edition.as_params() plus build data).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tt="urn:tei-tools"
    exclude-result-prefixes="#all">

  <xsl:param name="edition-title" as="xs:string" select="'TEI edition'"/>
  <!-- 'no': the site has no conventions page (TEI without the house encoding) -->
  <xsl:param name="conventions-page" as="xs:string" select="'yes'"/>
  <!-- 'yes' when the edition has registers (registers/index.html, web/registers.py) -->
  <xsl:param name="registers-page" as="xs:string" select="'no'"/>
  <xsl:param name="edition-subtitle" as="xs:string" select="''"/>
  <xsl:param name="edition-editors" as="xs:string" select="''"/>
  <xsl:param name="edition-publisher" as="xs:string" select="''"/>
  <xsl:param name="edition-licence" as="xs:string" select="''"/>
  <xsl:param name="edition-licence-url" as="xs:string" select="''"/>
  <xsl:param name="edition-language" as="xs:string" select="'en'"/>
  <xsl:param name="edition-source-archive" as="xs:string" select="''"/>
  <xsl:param name="edition-source-credit" as="xs:string" select="''"/>
  <xsl:param name="edition-base-url" as="xs:string" select="''"/>
  <xsl:param name="edition-version" as="xs:string" select="'1.0'"/>
  <xsl:param name="edition-description" as="xs:string" select="''"/>
  <!-- YYYY-MM-DD: SOURCE_DATE_EPOCH, else the newest input file's mtime (see docs/readme/web.md) -->
  <xsl:param name="build-date" as="xs:string" select="''"/>
  <xsl:param name="tool-version" as="xs:string" select="''"/>
  <!-- extra stylesheets of the edition, relative to the site root, separated by spaces -->
  <xsl:param name="edition-css" as="xs:string" select="''"/>

  <!--
    Set by tei_tools.writers.html when one transform writes two pages (document.xsl, view =
    'both'); the comments below all begin with it, and render_views puts the pages together:
      {marker}name … {marker}/name  a part that is the same on both pages (tt:splice-mark), on
                                   the first page; the second holds only {marker}name
      {marker}@key                 a mark of the text: its apparatus entry goes into this page
      {marker}=key … {marker}/=key  that entry, where the mark writes it (cut out of the text)
      {marker}apparatus            where the page's apparatus goes (none without entries)
      {marker}shared               after the pages: parts written once, each after {marker}name
                                   (apparatus-start, apparatus-end: the apparatus around its list)
    So each shared part is built and written out once, and the text goes straight into the page.
    The marker is a nonce, which no text of a document can pass for.
  -->
  <xsl:param name="splice-marker" as="xs:string" select="''"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"
      include-content-type="no"/>

  <!--
    One complete page. $root is the relative path from the page to the site root ('' or '../'),
    $active the navigation entry to mark as current, $content the page's <main> content.
    $content-of instead of $content: a node whose templates in mode tt:page write the content
    straight into the page (a $content is built first and then copied: twice the work).
  -->
  <xsl:template name="tt:page">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="root" as="xs:string" select="''"/>
    <xsl:param name="active" as="xs:string" select="''"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:param name="content-of" as="node()?"/>
    <xsl:param name="description" as="xs:string" select="$edition-description"/>
    <xsl:param name="lang" as="xs:string" select="$edition-language"/>
    <xsl:param name="body-class" as="xs:string" select="''"/>
    <xsl:param name="head-extra" as="item()*"/>
    <xsl:param name="tt:splice" tunnel="yes" as="xs:string?"/>
    <html lang="{$lang}">
      <xsl:call-template name="tt:splice-mark"><xsl:with-param name="part" select="'head'"/>
      </xsl:call-template>
      <xsl:if test="not($tt:splice = 'refer')">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>
          <xsl:value-of select="if ($title = $edition-title) then $title
                                else $title || ' — ' || $edition-title"/>
        </title>
        <xsl:if test="normalize-space($description)">
          <meta name="description" content="{normalize-space($description)}"/>
        </xsl:if>
        <meta name="generator" content="{normalize-space('tei-tools ' || $tool-version)}"/>
        <link rel="icon" href="data:,"/>
        <link rel="stylesheet" href="{$root}assets/tei-tools.css"/>
        <xsl:for-each select="tokenize($edition-css)">
          <link rel="stylesheet" href="{$root}{.}"/>
        </xsl:for-each>
        <!-- page scripts first: tei-tools.js (deferred, so run in order) may use them -->
        <xsl:sequence select="$head-extra"/>
        <script src="{$root}assets/tei-tools.js" defer="defer"></script>
        <xsl:call-template name="tt:head-extra">
          <xsl:with-param name="root" select="$root"/>
        </xsl:call-template>
      </head>
      </xsl:if>
      <xsl:call-template name="tt:splice-mark">
        <xsl:with-param name="part" select="'head'"/>
        <xsl:with-param name="end" select="true()"/>
      </xsl:call-template>
      <body class="{normalize-space('page ' || $body-class)}">
        <xsl:call-template name="tt:splice-mark"><xsl:with-param name="part" select="'top'"/>
        </xsl:call-template>
        <xsl:if test="not($tt:splice = 'refer')">
          <a class="skip" href="#main">Skip to content</a>
          <xsl:call-template name="tt:site-header">
            <xsl:with-param name="root" select="$root"/>
            <xsl:with-param name="active" select="$active"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:call-template name="tt:splice-mark">
          <xsl:with-param name="part" select="'top'"/>
          <xsl:with-param name="end" select="true()"/>
        </xsl:call-template>
        <main id="main" tabindex="-1">
          <xsl:choose>
            <xsl:when test="exists($content-of)">
              <xsl:apply-templates select="$content-of" mode="tt:page"/>
            </xsl:when>
            <xsl:otherwise><xsl:sequence select="$content"/></xsl:otherwise>
          </xsl:choose>
        </main>
        <xsl:call-template name="tt:splice-mark"><xsl:with-param name="part" select="'footer'"/>
        </xsl:call-template>
        <xsl:if test="not($tt:splice = 'refer')">
          <xsl:call-template name="tt:site-footer">
            <xsl:with-param name="root" select="$root"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:call-template name="tt:splice-mark">
          <xsl:with-param name="part" select="'footer'"/>
          <xsl:with-param name="end" select="true()"/>
        </xsl:call-template>
      </body>
    </html>
  </xsl:template>

  <!--
    Where a part that is the same on both pages begins or ends (see $splice-marker), when the
    tunnel parameter tt:splice says that this page writes it ('write') or refers to it
    ('refer'); the caller leaves the part out when it refers to it.
  -->
  <xsl:template name="tt:splice-mark">
    <xsl:param name="part" as="xs:string"/>
    <xsl:param name="end" as="xs:boolean" select="false()"/>
    <xsl:param name="tt:splice" tunnel="yes" as="xs:string?"/>
    <xsl:if test="$tt:splice and not($end and $tt:splice = 'refer')">
      <xsl:comment select="$splice-marker || (if ($end) then '/' else '') || $part"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="tt:head-extra">
    <xsl:param name="root" as="xs:string"/>
  </xsl:template>

  <xsl:variable name="tt:nav" as="element()*">
    <entry key="index" href="index.html">Documents</entry>
    <entry key="chronology" href="chronology.html">Chronology</entry>
    <entry key="search" href="search.html">Search</entry>
    <xsl:if test="$registers-page = 'yes'">
      <entry key="registers" href="registers/index.html">Registers</entry>
    </xsl:if>
    <xsl:if test="$conventions-page != 'no'">
      <entry key="conventions" href="conventions.html">Editorial conventions</entry>
    </xsl:if>
    <entry key="about" href="about.html">About</entry>
  </xsl:variable>

  <xsl:template name="tt:site-header">
    <xsl:param name="root" as="xs:string"/>
    <xsl:param name="active" as="xs:string"/>
    <header class="site-header">
      <div class="site-brand">
        <a class="site-title" href="{$root}index.html"><xsl:value-of select="$edition-title"/></a>
        <xsl:if test="normalize-space($edition-subtitle)">
          <span class="site-subtitle"><xsl:value-of select="$edition-subtitle"/></span>
        </xsl:if>
      </div>
      <nav class="site-nav" aria-label="Edition">
        <ul>
          <xsl:for-each select="$tt:nav">
            <li>
              <a href="{$root}{@href}">
                <xsl:if test="@key = $active">
                  <xsl:attribute name="aria-current" select="'page'"/>
                </xsl:if>
                <xsl:value-of select="."/>
              </a>
            </li>
          </xsl:for-each>
        </ul>
      </nav>
    </header>
  </xsl:template>

  <xsl:template name="tt:site-footer">
    <xsl:param name="root" as="xs:string"/>
    <footer class="site-footer">
      <p>
        <cite><xsl:value-of select="$edition-title"/></cite>
        <xsl:if test="normalize-space($edition-editors)">
          <xsl:text>, edited by </xsl:text>
          <xsl:value-of select="$edition-editors"/>
        </xsl:if>
        <xsl:if test="normalize-space($edition-publisher)">
          <xsl:text>. Published by </xsl:text>
          <xsl:value-of select="$edition-publisher"/>
        </xsl:if>
        <xsl:text>.</xsl:text>
      </p>
      <p class="build">
        <xsl:text>Version </xsl:text>
        <span class="version"><xsl:value-of select="$edition-version"/></span>
        <xsl:if test="normalize-space($build-date)">
          <xsl:text>, built </xsl:text>
          <time class="build-date" datetime="{$build-date}">
            <xsl:value-of select="tt:date-label($build-date)"/>
          </time>
        </xsl:if>
        <xsl:text> with tei-tools</xsl:text>
        <xsl:value-of select="if (normalize-space($tool-version)) then ' ' || $tool-version else ''"/>
        <xsl:text>. </xsl:text>
        <a href="{$root}about.html">About this edition</a>
        <xsl:if test="$conventions-page != 'no'">
          <xsl:text> · </xsl:text>
          <a href="{$root}conventions.html">Editorial conventions</a>
        </xsl:if>
      </p>
    </footer>
  </xsl:template>
</xsl:stylesheet>
