<?xml version="1.0" encoding="UTF-8"?>
<!--
  The edition pages: index, chronology, conventions, about, search (parameter page).
  Input (tei_tools.writers.web.collections): the documents of the page, as
  tei_tools.writers.web.summary.summaries_xml() writes them, and what the page needs of the
  whole edition:
    <edition total="N" root="'' or '../'" part-title="1953, page 2 of 3">
      <facets with-type="yes|no" with-archive="yes|no"><type/>… <archive/>… <year/>…</facets>
      <parts prev="i" next="j">
        <part href="from this page" group="1953" number="2" label="…" current="yes"?/>…</parts>
      <doc id="…" date="YYYY-MM-DD" year="YYYY" subtype="…">
        <title/> <date-label/> <doctype/> <archive/> <shelfmark/> <summary/> …</doc>…
    </edition>
  A large edition's index and chronology come in parts (one page each; <parts> lists them);
  the chronology's first page then gets <years><year value="1953" count="590"><part/>…</year>
  instead of documents. The conventions, about and search pages get <edition total="N"/>.
  Each page is a mode (tt:index, tt:chronology …) so that an edition can override one of them.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tt="urn:tei-tools"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/text.xsl"/>
  <xsl:import href="layout.xsl"/>

  <xsl:param name="page" as="xs:string" select="'index'"/>
  <!-- 'no' when the site is built without a search index (no pagefind, or the no-search option) -->
  <xsl:param name="search" as="xs:string" select="'yes'"/>
  <!-- the search index's further parts (site-relative bundle folders, space-separated), which
       the search page merges with the main one in SITE/pagefind/ -->
  <xsl:param name="search-bundles" as="xs:string" select="''"/>

  <!-- the documents of this page; $total: of the whole edition -->
  <xsl:variable name="docs" select="/edition/doc"/>
  <xsl:variable name="total" as="xs:integer"
      select="xs:integer((/edition/@total, count($docs))[1])"/>
  <!-- from this page to the site root: '' or '../' (the parts live in index/, chronology/) -->
  <xsl:variable name="root" as="xs:string" select="string(/edition/@root)"/>
  <xsl:variable name="part-title" as="xs:string" select="string(/edition/@part-title)"/>
  <xsl:variable name="titles" as="map(xs:string, xs:string)" select="map {
      'index': 'Documents', 'chronology': 'Chronology', 'conventions': 'Editorial conventions',
      'about': 'About this edition', 'search': 'Search'}"/>

  <xsl:template match="/">
    <xsl:call-template name="tt:page">
      <xsl:with-param name="title" select="
          if ($page = 'index' and $root = '') then $edition-title
          else string-join(($titles($page), $part-title[normalize-space()]), ': ')"/>
      <xsl:with-param name="root" select="$root"/>
      <xsl:with-param name="active" select="$page"/>
      <xsl:with-param name="body-class" select="'page-' || $page"/>
      <xsl:with-param name="head-extra" as="item()*">
        <xsl:if test="$page = 'search' and $search = 'yes'">
          <link rel="stylesheet" href="pagefind/pagefind-ui.css"/>
          <script src="pagefind/pagefind-ui.js" defer="defer"></script>
        </xsl:if>
      </xsl:with-param>
      <xsl:with-param name="content" as="item()*">
        <xsl:choose>
          <xsl:when test="$page = 'index'"><xsl:apply-templates select="/edition" mode="tt:index"/></xsl:when>
          <xsl:when test="$page = 'chronology'"><xsl:apply-templates select="/edition" mode="tt:chronology"/></xsl:when>
          <xsl:when test="$page = 'conventions'"><xsl:apply-templates select="/edition" mode="tt:conventions"/></xsl:when>
          <xsl:when test="$page = 'about'"><xsl:apply-templates select="/edition" mode="tt:about"/></xsl:when>
          <xsl:otherwise><xsl:apply-templates select="/edition" mode="tt:search"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:function name="tt:doc-href" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="$root || 'documents/' || encode-for-uri($doc/@id) || '.html'"/>
  </xsl:function>

  <!-- ========================= index ========================= -->

  <xsl:template match="edition" mode="tt:index">
    <xsl:choose>
      <xsl:when test="$root = ''">
        <div class="page-intro">
          <h1><xsl:value-of select="$edition-title"/></h1>
          <xsl:if test="normalize-space($edition-subtitle)">
            <p class="subtitle"><xsl:value-of select="$edition-subtitle"/></p>
          </xsl:if>
          <xsl:if test="normalize-space($edition-description)">
            <p class="lead"><xsl:value-of select="$edition-description"/></p>
          </xsl:if>
        </div>
        <h2 id="documents-title">Documents <span class="count">(<xsl:value-of
            select="$total"/>)</span></h2>
        <xsl:if test="parts">
          <p class="part-note">This page lists <xsl:value-of select="$part-title"/>
            (<xsl:value-of select="count($docs)"/>
            <xsl:value-of select="if (count($docs) = 1) then ' document' else ' documents'"/>);
            the list of pages leads to the others.</p>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <!-- nothing of the other parts here (not even the total): a part's page changes
             only with its own documents -->
        <h1 id="documents-title">Documents: <xsl:value-of select="$part-title"/>
          <xsl:text> </xsl:text>
          <span class="count">(<xsl:value-of select="count($docs)"/>)</span></h1>
      </xsl:otherwise>
    </xsl:choose>
    <!-- a column (and its filter) only when some document of the edition has a value for it:
         TEI made elsewhere often has no type or archive, and an empty column says nothing -->
    <xsl:variable name="facets" select="facets"/>
    <xsl:variable name="with-type" select="$facets/@with-type = 'yes'"/>
    <xsl:variable name="with-archive" select="$facets/@with-archive = 'yes'"/>
    <!-- filters: hidden until tei-tools.js has loaded index/data.js (every document's row) and
         wired them up; they filter and sort the whole edition, not only this page. Without
         JS the table and the list of pages are the index. -->
    <form class="filters" hidden="hidden" aria-label="Filter the documents" role="search">
      <xsl:if test="$with-type">
        <xsl:call-template name="tt:select">
          <xsl:with-param name="name" select="'type'"/>
          <xsl:with-param name="label" select="'Type'"/>
          <xsl:with-param name="values" select="$facets/type"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="exists($facets/archive)">
        <xsl:call-template name="tt:select">
          <xsl:with-param name="name" select="'archive'"/>
          <xsl:with-param name="label" select="'Archive'"/>
          <xsl:with-param name="values" select="$facets/archive"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="exists($facets/year)">
        <xsl:call-template name="tt:select">
          <xsl:with-param name="name" select="'year'"/>
          <xsl:with-param name="label" select="'Year'"/>
          <xsl:with-param name="values" select="$facets/year"/>
        </xsl:call-template>
      </xsl:if>
      <label class="filter-text">Title contains <input type="search" name="q"/></label>
      <output class="filter-count" aria-live="polite"></output>
    </form>
    <xsl:apply-templates select="parts" mode="tt:part-list"/>
    <div class="table-wrap">
      <table class="doc-index sortable" aria-labelledby="documents-title"
          data-source="{$root}index/data.js" data-root="{$root}">
        <thead>
          <tr>
            <th scope="col" data-sort="date" aria-sort="ascending">Date</th>
            <th scope="col" data-sort="title">Title</th>
            <xsl:if test="$with-type"><th scope="col" data-sort="type">Type</th></xsl:if>
            <xsl:if test="$with-archive">
              <th scope="col" data-sort="archive">Archive</th>
            </xsl:if>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="$docs">
            <tr data-date="{@date}" data-year="{@year}" data-type="{doctype}"
                data-archive="{repository}" data-title="{lower-case(title)}">
              <td class="date">
                <xsl:choose>
                  <xsl:when test="normalize-space(@date)">
                    <time datetime="{@date}"><xsl:value-of select="tt:date-label(@date)"/></time>
                  </xsl:when>
                  <xsl:otherwise>undated</xsl:otherwise>
                </xsl:choose>
              </td>
              <td class="title"><a href="{tt:doc-href(.)}"><xsl:value-of select="title"/></a></td>
              <xsl:if test="$with-type">
                <td class="type"><xsl:value-of select="doctype"/></td>
              </xsl:if>
              <xsl:if test="$with-archive">
                <td class="archive">
                  <xsl:value-of select="repository"/>
                  <xsl:if test="shelfmark">
                    <span class="shelfmark"><xsl:value-of select="shelfmark"/></span>
                  </xsl:if>
                </td>
              </xsl:if>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
    <xsl:apply-templates select="parts" mode="tt:prev-next"/>
  </xsl:template>

  <!-- ========================= parts of a list ========================= -->

  <!-- the list of all parts, this one marked (only a large edition's lists have parts) -->
  <xsl:template match="parts" mode="tt:part-list">
    <nav class="parts" aria-label="Pages of the {if ($page = 'index') then 'index'
        else 'chronology'}">
      <h2 class="parts-title">Pages</h2>
      <ol>
        <!-- a year of three pages: "1953: 1 2 3" -->
        <xsl:for-each-group select="part" group-adjacent="@group">
          <li>
            <xsl:choose>
              <xsl:when test="count(current-group()) = 1">
                <xsl:apply-templates select="." mode="tt:part-link"/>
              </xsl:when>
              <xsl:otherwise>
                <xsl:value-of select="current-grouping-key() || ':'"/>
                <xsl:for-each select="current-group()">
                  <xsl:text> </xsl:text>
                  <xsl:apply-templates select="." mode="tt:part-link">
                    <xsl:with-param name="text" select="string(@number)"/>
                  </xsl:apply-templates>
                </xsl:for-each>
              </xsl:otherwise>
            </xsl:choose>
          </li>
        </xsl:for-each-group>
      </ol>
    </nav>
  </xsl:template>

  <xsl:template match="part" mode="tt:part-link">
    <xsl:param name="text" as="xs:string" select="string(@label)"/>
    <a href="{@href}">
      <xsl:if test="$text != @label">
        <xsl:attribute name="aria-label" select="@group || ', page ' || @number"/>
      </xsl:if>
      <xsl:if test="@current = 'yes'">
        <xsl:attribute name="aria-current" select="'page'"/>
      </xsl:if>
      <xsl:value-of select="$text"/>
    </a>
  </xsl:template>

  <xsl:template match="parts" mode="tt:prev-next">
    <nav class="prev-next parts-prev-next" aria-label="Previous and next page">
      <xsl:for-each select="part[position() = xs:integer(current()/@prev)]">
        <a class="prev" rel="prev" href="{@href}">
          <span class="dir">← Previous page</span><xsl:text> </xsl:text><span class="t"><xsl:value-of
              select="@label"/></span></a>
      </xsl:for-each>
      <xsl:for-each select="part[position() = xs:integer(current()/@next)]">
        <a class="next" rel="next" href="{@href}">
          <span class="dir">Next page →</span><xsl:text> </xsl:text><span class="t"><xsl:value-of
              select="@label"/></span></a>
      </xsl:for-each>
    </nav>
  </xsl:template>

  <xsl:template name="tt:select">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="values" as="item()*"/>
    <label>
      <xsl:value-of select="$label"/>
      <xsl:text> </xsl:text>
      <select name="{$name}">
        <option value="">All</option>
        <xsl:for-each select="sort(distinct-values($values ! normalize-space(.))[. ne ''])">
          <option value="{.}"><xsl:value-of select="."/></option>
        </xsl:for-each>
      </select>
    </label>
  </xsl:template>

  <!-- ========================= chronology ========================= -->

  <xsl:template match="edition" mode="tt:chronology">
    <h1>Chronology<xsl:if test="normalize-space($part-title)">: <xsl:value-of
        select="$part-title"/></xsl:if></h1>
    <xsl:choose>
      <xsl:when test="years">
        <p class="lead">The documents in the order of their dates, in
          <xsl:value-of select="count(years/year)"/> years: each year links to its page.</p>
        <xsl:apply-templates select="years" mode="tt:chronology"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:if test="not(parts)">
          <p class="lead">The documents in the order of their dates.</p>
        </xsl:if>
        <xsl:if test="parts">
          <p class="lead"><a href="{$root}chronology.html">All years</a></p>
        </xsl:if>
        <xsl:apply-templates select="parts" mode="tt:part-list"/>
        <xsl:call-template name="tt:timeline"/>
        <xsl:apply-templates select="parts" mode="tt:prev-next"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- the chronology's first page in a large edition: the years, by decade; the ids y-YYYY
       are those of the one-page chronology, so that its old links still find the year -->
  <xsl:template match="years" mode="tt:chronology">
    <xsl:for-each-group select="year" group-by="if (@value = 'undated') then 'Undated'
        else substring(@value, 1, 3) || '0s'">
      <section class="decade" aria-labelledby="d-{current-grouping-key()}">
        <h2 id="d-{current-grouping-key()}"><xsl:value-of select="current-grouping-key()"/></h2>
        <ul class="years">
          <xsl:for-each select="current-group()">
            <xsl:variable name="name" select="if (@value = 'undated') then 'Undated'
                else string(@value)"/>
            <li id="y-{$name}">
              <a href="{part[1]/@href}#y-{$name}"><xsl:value-of select="$name"/></a>
              <xsl:text> </xsl:text>
              <span class="count">(<xsl:value-of select="@count"/>
                <xsl:value-of select="if (@count = '1') then ' document' else ' documents'"/>
                <xsl:if test="count(part) gt 1">, pages
                  <xsl:for-each select="part">
                    <a href="{@href}"><xsl:value-of select="position()"/></a>
                    <xsl:if test="position() ne last()"><xsl:text> </xsl:text></xsl:if>
                  </xsl:for-each>
                </xsl:if>)</span>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:for-each-group>
  </xsl:template>

  <xsl:template name="tt:timeline">
    <xsl:for-each-group select="$docs" group-by="(@year[normalize-space()], 'Undated')[1]">
      <section class="year" aria-labelledby="y-{current-grouping-key()}">
        <h2 id="y-{current-grouping-key()}"><xsl:value-of select="current-grouping-key()"/></h2>
        <ol class="timeline">
          <xsl:for-each select="current-group()">
            <li>
              <span class="when">
                <xsl:choose>
                  <xsl:when test="normalize-space(@date)">
                    <time datetime="{@date}"><xsl:value-of select="tt:date-label(@date)"/></time>
                  </xsl:when>
                  <xsl:otherwise>—</xsl:otherwise>
                </xsl:choose>
              </span>
              <span class="what">
                <a href="{tt:doc-href(.)}"><xsl:value-of select="title"/></a>
                <span class="meta">
                  <xsl:value-of select="string-join((doctype, repository), ' · ')"/>
                </span>
                <xsl:if test="summary">
                  <span class="gist"><xsl:value-of select="tt:shorten(summary, 220)"/></span>
                </xsl:if>
              </span>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:for-each-group>
  </xsl:template>

  <xsl:function name="tt:shorten" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="max" as="xs:integer"/>
    <xsl:sequence select="if (string-length($s) le $max) then $s
        else replace(substring($s, 1, $max), '\s+\S*$', '') || ' …'"/>
  </xsl:function>

  <!-- ========================= conventions ========================= -->

  <!-- static: read while compiling, so that the page also renders where the stylesheet may not
       read files at run time (an edition's untrusted overrides run sandboxed) -->
  <xsl:variable name="conventions" static="yes"
      select="doc(resolve-uri('../common/conventions.xml', static-base-uri()))/*"/>

  <xsl:template match="edition" mode="tt:conventions">
    <h1>Editorial conventions</h1>
    <p class="lead">Each document can be read in two views. The <strong>diplomatic view</strong>
      reproduces the published transcript line by line, with its editorial brackets. The
      <strong>reading view</strong> gives a clean text: what the brackets say is shown by
      typography and in notes that open from the marked passage (with the keyboard too), and
      every intervention is listed under “Editorial interventions” at the end of the document.
      The table is generated from the house encoding that the TEI files follow; its examples are
      rendered by the same stylesheets as the documents.</p>
    <xsl:for-each select="$conventions/group">
      <section aria-labelledby="cg-{position()}">
        <h2 id="cg-{position()}"><xsl:value-of select="@title"/></h2>
        <div class="table-wrap">
          <table class="conventions">
            <thead>
              <tr>
                <th scope="col">Phenomenon</th>
                <th scope="col">Diplomatic view</th>
                <th scope="col">Reading view</th>
                <th scope="col">Meaning</th>
                <th scope="col">TEI</th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="entry">
                <xsl:variable name="n" select="count(preceding::entry[@id = current()/@id])"/>
                <tr id="conv-{@id}{if ($n) then '-' || ($n + 1) else ''}">
                  <th scope="row"><xsl:value-of select="@name"/>
                    <span class="conv-id"><xsl:value-of select="@id"/></span></th>
                  <td class="text-dipl"><xsl:apply-templates select="example/node()" mode="tt:dipl"/></td>
                  <td class="text-read"><xsl:apply-templates select="example/node()" mode="tt:read"/></td>
                  <td>
                    <xsl:value-of select="normalize-space(meaning)"/>
                    <xsl:if test="not(meaning)">
                      <xsl:value-of select="(example//*[tt:kind(.)])[1] ! tt:explain(.)"/>
                    </xsl:if>
                  </td>
                  <td><code><xsl:value-of select="replace(replace(string-join(example/node() !
                      serialize(.), ''), ' xmlns(:\w+)?=&quot;[^&quot;]*&quot;', ''),
                      '(&lt;/?)tei:', '$1')"/></code></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </section>
    </xsl:for-each>
  </xsl:template>

  <!-- ========================= about ========================= -->

  <xsl:template match="edition" mode="tt:about">
    <h1>About this edition</h1>
    <dl class="about">
      <dt>Title</dt>
      <dd><xsl:value-of select="string-join(($edition-title, $edition-subtitle[normalize-space()]),
          ': ')"/></dd>
      <xsl:variable name="fields" as="element()*">
        <f label="Editors"><xsl:value-of select="$edition-editors"/></f>
        <f label="Publisher"><xsl:value-of select="$edition-publisher"/></f>
        <f label="Source archive"><xsl:value-of select="$edition-source-archive"/></f>
        <f label="Sources"><xsl:value-of select="$edition-source-credit"/></f>
        <f label="Version"><xsl:value-of select="$edition-version"/></f>
      </xsl:variable>
      <xsl:for-each select="$fields[normalize-space()]">
        <dt><xsl:value-of select="@label"/></dt>
        <dd><xsl:value-of select="."/></dd>
      </xsl:for-each>
      <xsl:if test="normalize-space($build-date)">
        <dt>Built</dt>
        <dd><time datetime="{$build-date}"><xsl:value-of select="tt:date-label($build-date)"/></time></dd>
      </xsl:if>
      <dt>Documents</dt>
      <dd><xsl:value-of select="$total"/></dd>
      <xsl:if test="normalize-space($edition-licence)">
        <dt>Licence</dt>
        <dd>
          <xsl:value-of select="$edition-licence"/>
          <xsl:variable name="url" select="tt:safe-url($edition-licence-url)"/>
          <xsl:if test="exists($url)">
            <xsl:text> </xsl:text><a href="{$url}"><xsl:value-of select="$url"/></a>
          </xsl:if>
        </dd>
      </xsl:if>
    </dl>
    <xsl:if test="normalize-space($edition-description)">
      <h2>Description</h2>
      <p><xsl:value-of select="$edition-description"/></p>
    </xsl:if>
    <h2>How to use this site</h2>
    <p>Every document has a reading view and a diplomatic view, a metadata panel, a citation in
      Chicago style with CSL-JSON and BibTeX downloads, and its TEI P5 source. The site is a set
      of static files: it needs no server and no connection to other sites, and every page works
      without JavaScript (scripts only add sorting, filtering, popovers and search).
      <xsl:if test="$conventions-page != 'no'">See the
        <a href="conventions.html">editorial conventions</a> for how the text is presented.
      </xsl:if></p>
  </xsl:template>

  <!-- ========================= search ========================= -->

  <xsl:template match="edition" mode="tt:search">
    <h1>Search</h1>
    <p class="lead">Full-text search across all documents, with filters by document type,
      year and archive.</p>
    <xsl:choose>
      <xsl:when test="$search = 'yes'">
        <!-- a visible label for pagefind's input (tei-tools.js gives the input this id) -->
        <label class="search-label" for="search-input">Search the documents</label>
        <div id="search" class="search-ui">
          <xsl:if test="normalize-space($search-bundles)">
            <xsl:attribute name="data-merge-bundles" select="normalize-space($search-bundles)"/>
          </xsl:if>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p class="notice">This copy of the edition was built without a search index. Browse the
          <a href="index.html">list of documents</a> or the
          <a href="chronology.html">chronology</a>.</p>
      </xsl:otherwise>
    </xsl:choose>
    <noscript>
      <p class="notice">Search needs JavaScript. Without it, browse the
        <a href="index.html">list of documents</a> or the <a href="chronology.html">chronology</a>.</p>
    </noscript>
  </xsl:template>
</xsl:stylesheet>
