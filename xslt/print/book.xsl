<?xml version="1.0" encoding="UTF-8"?>
<!--
  The front and back matter of the edition book, from small XML that the Python writer builds
  (writers/pdf/book.py lays out the front matter, each document and the index separately and
  joins the PDFs, so that memory does not grow with the size of the edition):

    <book view="reading" created="…" index-page="N">
      <doc id="…" title="…" date-text="…" page="N"/>…</book>
      -> title page (edition.toml, as parameters), table of contents, editorial conventions.
         Page numbers of documents and index are those the writer measured; the entry of the
         conventions, in the same layout, uses CSS target-counter.

    <index start="N"><person name="…" sort="…"><ref page="3" target="ix-…"/>…</person></index>
      -> the index of persons, numbered on from the last page of the documents.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <!-- the document templates, to print the examples of the conventions section exactly as the
       documents are printed -->
  <xsl:import href="document.xsl"/>

  <xsl:output method="xhtml" html-version="5" encoding="UTF-8" indent="no"
              omit-xml-declaration="yes"/>

  <!-- One entry per phenomenon with a TEI example (shared with the web edition). When it is
       missing or has no entries, the section falls back to a fixed table. -->
  <xsl:variable name="conventions-uri" static="yes"
      select="resolve-uri('../common/conventions.xml', static-base-uri())"/>
  <!-- static: read while compiling (an edition's untrusted overrides run sandboxed) -->
  <xsl:variable name="conventions" static="yes" select="if (doc-available($conventions-uri))
      then doc($conventions-uri)/*/*[*[example]] else ()"/>

  <xsl:param name="edition-title" as="xs:string" select="'Edition'"/>
  <xsl:param name="edition-subtitle" as="xs:string" select="''"/>
  <xsl:param name="edition-editors" as="xs:string" select="''"/>
  <xsl:param name="edition-publisher" as="xs:string" select="''"/>
  <xsl:param name="edition-licence" as="xs:string" select="''"/>
  <xsl:param name="edition-licence-url" as="xs:string" select="''"/>
  <xsl:param name="edition-language" as="xs:string" select="'en'"/>
  <xsl:param name="edition-source-archive" as="xs:string" select="''"/>
  <xsl:param name="edition-source-credit" as="xs:string" select="''"/>
  <xsl:param name="edition-base-url" as="xs:string" select="''"/>
  <xsl:param name="edition-version" as="xs:string" select="''"/>
  <xsl:param name="edition-description" as="xs:string" select="''"/>

  <!-- (document.xsl's root template is for TEI) -->
  <xsl:template match="/">
    <xsl:apply-templates select="book | index"/>
  </xsl:template>

  <xsl:template match="/book">
    <html lang="{$edition-language}">
      <head>
        <meta charset="utf-8"/>
        <title><xsl:value-of select="$edition-title"/></title>
        <meta name="author" content="{($edition-editors[. != ''], $edition-publisher[. != ''],
                                        'tei-tools')[1]}"/>
        <meta name="generator" content="tei-tools"/>
        <xsl:if test="$edition-description != ''">
          <meta name="description" content="{$edition-description}"/>
        </xsl:if>
        <xsl:if test="@created != ''">
          <meta name="dcterms.created" content="{@created}"/>
          <meta name="dcterms.modified" content="{@created}"/>
        </xsl:if>
      </head>
      <body class="book view-{@view}">
        <xsl:call-template name="title-page"/>
        <xsl:call-template name="contents"/>
        <xsl:call-template name="conventions"/>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="title-page">
    <section class="book-title-page front">
      <h1><xsl:value-of select="$edition-title"/></h1>
      <xsl:if test="$edition-subtitle != ''">
        <p class="subtitle"><xsl:value-of select="$edition-subtitle"/></p>
      </xsl:if>
      <xsl:if test="$edition-editors != ''">
        <p class="editors">Edited by <xsl:value-of select="replace($edition-editors, '; ', ', ')"/>
        </p>
      </xsl:if>
      <xsl:if test="$edition-publisher != ''">
        <p class="publisher"><xsl:value-of select="$edition-publisher"/></p>
      </xsl:if>
      <div class="colophon">
        <xsl:for-each select="$edition-description[. != '']"><p><xsl:value-of select="."/></p>
        </xsl:for-each>
        <xsl:for-each select="$edition-source-archive[. != '']">
          <p>Source archive: <xsl:value-of select="."/></p>
        </xsl:for-each>
        <xsl:for-each select="$edition-source-credit[. != '']"><p><xsl:value-of select="."/></p>
        </xsl:for-each>
        <xsl:for-each select="$edition-licence[. != '']">
          <p>Licence: <xsl:value-of select="."/>
            <xsl:if test="$edition-licence-url != ''"> (<xsl:value-of
              select="$edition-licence-url"/>)</xsl:if></p>
        </xsl:for-each>
        <p>
          <xsl:if test="$edition-version != ''">Version <xsl:value-of
            select="$edition-version"/>. </xsl:if>
          <xsl:value-of select="count(doc)"/> documents, printed in the <xsl:value-of
            select="@view"/> view by tei-tools.</p>
      </div>
    </section>
  </xsl:template>

  <xsl:template name="contents">
    <section class="book-section toc" id="contents">
      <h1>Contents</h1>
      <ol>
        <li><a href="#conventions">Editorial conventions</a></li>
        <xsl:for-each select="doc">
          <li>
            <a href="#doc-{@id}" data-page="{@page}">
              <xsl:variable name="when" select="substring(@date, 1, 10)"/>
              <xsl:variable name="date" select="
                  if ($when castable as xs:date) then format-date(xs:date($when), '[D] [MNn] [Y]')
                  else if ($when castable as xs:gYearMonth)
                  then format-date(xs:date($when || '-01'), '[MNn] [Y]')
                  else string(@date-text)"/>
              <xsl:if test="$date != ''">
                <span class="toc-date"><xsl:value-of select="$date"/></span>
              </xsl:if>
              <xsl:value-of select="@title"/>
            </a>
          </li>
        </xsl:for-each>
        <li><a href="#index" data-page="{@index-page}">Index of persons</a></li>
      </ol>
    </section>
  </xsl:template>

  <xsl:template name="conventions">
    <section class="book-section conventions" id="conventions">
      <h1>Editorial conventions</h1>
      <p>The documents are English translations of archival documents, encoded in TEI P5 from
        the published transcripts. They are printed in date order, each with its own title block
        (date, type, archive and shelfmark, translator, funders, rights and summary).</p>
      <xsl:choose>
        <xsl:when test="exists($conventions)">
          <p>This book prints the <em><xsl:value-of select="@view"/> view</em>
            <xsl:value-of select="if (@view = 'diplomatic')
              then ': the text follows the transcript line by line and keeps its brackets.'
              else ': editorial brackets are resolved into typography and notes.'"/>
            The examples below are printed as the documents are.</p>
          <xsl:for-each select="$conventions">
            <h2 class="conv-group"><xsl:value-of select="@title"/></h2>
            <table class="conv">
              <xsl:for-each select="*[example]">
                <tr>
                  <td class="conv-name"><xsl:value-of select="@name"/>
                    <xsl:text> </xsl:text>
                    <span class="conv-id"><xsl:value-of select="@id"/></span></td>
                  <!-- (the entries' <meaning> texts describe the web edition; not printed) -->
                  <td class="conv-example">
                    <xsl:apply-templates select="example/node()"/>
                  </td>
                </tr>
              </xsl:for-each>
            </table>
          </xsl:for-each>
        </xsl:when>
        <xsl:when test="@view = 'diplomatic'">
          <p>This book prints the <em>diplomatic view</em>: the text follows the transcript line
            by line and keeps its brackets.</p>
          <table>
            <tr><th>Sign</th><th>Meaning</th></tr>
            <tr><td>[word]</td><td>supplied by the translator, or a translator's gloss (original
              term, other romanisation, identification, expansion)</td></tr>
            <tr><td>[[word]], [[word?]]</td><td>hard to read; doubtful reading</td></tr>
            <tr><td>[…]</td><td>text omitted by the editors of the transcript</td></tr>
            <tr><td>[illegible], [2 illegible letters]</td><td>text that could not be read</td></tr>
            <tr><td>word [sic]</td><td>so in the original</td></tr>
            <tr><td>[?]</td><td>a query of the translator</td></tr>
            <tr><td>[signature]</td><td>a signature</td></tr>
            <tr><td>boxed text</td><td>a stamp, with the transcript's label and line breaks</td></tr>
            <tr><td>[1], (1), x/</td><td>the original's footnote markers; the notes stand at
              the foot of the page</td></tr>
          </table>
        </xsl:when>
        <xsl:otherwise>
          <p>This book prints the <em>reading view</em>: editorial brackets are resolved into
            typography and notes.</p>
          <table>
            <tr><th>Printed as</th><th>Meaning</th></tr>
            <tr><td>plain text</td><td>words supplied by the translator and expanded
              abbreviations read as part of the text</td></tr>
            <tr><td>numbered footnote</td><td>notes of the original, editors' and translators'
              notes, and explanations of interventions: sic, original-language terms, other
              romanisations, identifications and expansions</td></tr>
            <tr><td><span style="color:#666">grey text</span></td><td>an uncertain reading; in
              brackets, text that could not be read</td></tr>
            <tr><td>[…]</td><td>text omitted by the editors of the transcript</td></tr>
            <tr><td><em>[italic]</em></td><td>a description or summary by the translator</td></tr>
            <tr><td>[?]</td><td>a query of the translator</td></tr>
            <tr><td>(signed)</td><td>a signature</td></tr>
            <tr><td>boxed text</td><td>a stamp; its caption is the transcript's label</td></tr>
            <tr><td><em>sans-serif italic</em></td><td>handwriting (additions, resolutions)</td>
            </tr>
          </table>
        </xsl:otherwise>
      </xsl:choose>
      <p>The index of persons lists speakers, signers and the persons of distribution lists,
        with the pages where they occur.</p>
    </section>
  </xsl:template>

  <!-- The index of persons ================================================================ -->
  <xsl:template match="/index">
    <html lang="{$edition-language}">
      <head>
        <meta charset="utf-8"/>
        <title><xsl:value-of select="$edition-title"/></title>
        <!-- continue the book's page numbers -->
        <style>
          @page :first { counter-reset: page <xsl:value-of select="xs:integer(@start)"/>; }
          @page { @top-left { content: "<xsl:value-of select="replace(replace($edition-title,
            '\\', '\\\\'), '&quot;', '\\&quot;')"/>"; } }
        </style>
      </head>
      <body class="book">
        <section class="book-section index" id="index">
          <h1>Index of persons</h1>
          <xsl:choose>
            <xsl:when test="empty(person)">
              <p>No persons are recorded in the documents of this edition.</p>
            </xsl:when>
            <xsl:otherwise>
              <div class="index-entries">
                <xsl:for-each-group select="person" group-adjacent="upper-case(substring(
                    normalize-unicode(@sort, 'NFKD'), 1, 1))">
                  <p class="index-letter"><xsl:value-of select="current-grouping-key()"/></p>
                  <xsl:for-each select="current-group()">
                    <p class="index-entry">
                      <xsl:value-of select="@name"/>
                      <xsl:text> </xsl:text>
                      <xsl:for-each select="ref">
                        <a href="#{@target}"><xsl:value-of select="@page"/></a>
                        <xsl:if test="position() ne last()">, </xsl:if>
                      </xsl:for-each>
                    </p>
                  </xsl:for-each>
                </xsl:for-each-group>
              </div>
            </xsl:otherwise>
          </xsl:choose>
        </section>
      </body>
    </html>
  </xsl:template>

</xsl:stylesheet>
