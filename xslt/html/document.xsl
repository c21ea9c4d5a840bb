<?xml version="1.0" encoding="UTF-8"?>
<!--
  One document page of the web edition, in one of two views (parameter view = 'read' | 'dipl').
  Input: one TEI document. Output: a complete HTML page.
  Two ways to run it, which give the same pages byte for byte (tests/web/test_render_paths.py):
  * view = 'read' or 'dipl': one page. The view's text is built first, with placeholders for
    the apparatus entries (mode tt:view-parts), and the entries are built from them. Edition
    overrides run this way (they may read the global $view).
  * view = 'both' with $splice-marker (layout.xsl; what tei_tools.writers.html.render_views
    sets): both pages in one transform, so that the fixed cost of a transform and the apparatus
    entries are paid for once: the reading page, a comment "tei-tools: next page", and the
    diplomatic page, whose DOCTYPE the serialiser writes only once. The parts that are the same
    on both pages are written out once, and the text goes straight into the pages, its marks'
    apparatus entries as comments that render_views turns into each page's apparatus.
  Templates read the view from the tunnel parameter tt:view.

  Parts (each a named template or mode that an edition may override):
    tt:doc-header     title, kicker, summary
    tt:doc-tools      view switch and downloads (a sticky bar)
    tt:meta-panel     the metadata panel (mode tt:meta)
    tt:cite-block     Chicago citation, CSL-JSON, BibTeX, permalink
    tt:footnotes      notes with back-links
    tt:apparatus      every editorial intervention, explained (targets of the popovers)
    tt:prev-next      navigation between documents
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tt="urn:tei-tools"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/text.xsl"/>
  <xsl:import href="layout.xsl"/>
  <xsl:import href="marks.xsl"/>
  <xsl:import href="metadata.xsl"/>

  <xsl:param name="docid" as="xs:string" select="string((/TEI/@xml:id, 'document')[1])"/>
  <!-- file names of the two views, relative to the page (both pages sit in documents/) -->
  <xsl:param name="read-href" as="xs:string" select="$docid || '.html'"/>
  <xsl:param name="dipl-href" as="xs:string" select="$docid || '.diplomatic.html'"/>
  <xsl:param name="tei-href" as="xs:string" select="'../tei/' || $docid || '.xml'"/>
  <xsl:param name="pdf-href" as="xs:string" select="''"/>
  <xsl:param name="csl-href" as="xs:string" select="'../cite/' || $docid || '.json'"/>
  <xsl:param name="bib-href" as="xs:string" select="'../cite/' || $docid || '.bib'"/>
  <xsl:param name="permalink" as="xs:string" select="$read-href"/>
  <xsl:param name="cite-chicago" as="xs:string" select="''"/>
  <xsl:param name="prev-href" as="xs:string" select="''"/>
  <xsl:param name="prev-title" as="xs:string" select="''"/>
  <xsl:param name="next-href" as="xs:string" select="''"/>
  <xsl:param name="next-title" as="xs:string" select="''"/>
  <xsl:param name="position" as="xs:string" select="''"/>

  <xsl:variable name="tei" select="(/TEI, //TEI)[1]" as="element()?"/>

  <!-- The register entries that have a page (space-separated reg: pointers; the site writer
       passes them when the edition has registers): a name pointing to one links its page,
       registers/{file}/{id}.html (tei_tools.writers.web.registers); a dangling pointer stays
       a plain name. -->
  <xsl:param name="register-refs" as="xs:string" select="''"/>
  <xsl:variable name="tt:register-refs" as="map(xs:string, xs:boolean)"
      select="map:merge(distinct-values(tokenize($register-refs)) ! map:entry(., true()))"/>

  <xsl:template match="(persName | placeName | orgName | name | rs)
      [not(ancestor::ref)]
      [some $r in tokenize(@ref) satisfies map:contains($tt:register-refs, $r)]"
      mode="tt:dipl tt:read">
    <xsl:variable name="ref" select="tokenize(@ref)[map:contains($tt:register-refs, .)][1]"/>
    <xsl:variable name="file" select="substring-before(substring-after($ref, 'reg:'), '#')"/>
    <a class="reg" href="../registers/{replace($file, '\.xml$', '')}/{substring-after($ref, '#')}.html">
      <xsl:call-template name="tt:name-span"/>
    </a>
  </xsl:template>

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="$view = 'both' and $splice-marker">
        <!-- what is the same on both pages is written on the first and only referred to on the
             second; the apparatus is put together by render_views (see layout.xsl) -->
        <xsl:call-template name="tt:doc-page">
          <xsl:with-param name="tt:view" tunnel="yes" select="'read'"/>
          <xsl:with-param name="tt:splice" tunnel="yes" select="'write'"/>
        </xsl:call-template>
        <xsl:comment>tei-tools: next page</xsl:comment>
        <xsl:call-template name="tt:doc-page">
          <xsl:with-param name="tt:view" tunnel="yes" select="'dipl'"/>
          <xsl:with-param name="tt:splice" tunnel="yes" select="'refer'"/>
        </xsl:call-template>
        <xsl:comment select="$splice-marker || 'shared'"/>
        <xsl:comment select="$splice-marker || 'apparatus-start'"/>
        <xsl:call-template name="tt:apparatus">
          <xsl:with-param name="entries" as="comment()">
            <xsl:comment select="$splice-marker || 'apparatus-end'"/>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="tt:doc-page">
          <xsl:with-param name="tt:view" tunnel="yes" select="$view"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="tt:doc-page">
    <xsl:param name="tt:view" tunnel="yes" as="xs:string" select="$view"/>
    <xsl:variable name="title" select="if ($tei) then tt:title($tei) else 'Untitled document'"/>
    <xsl:call-template name="tt:page">
      <xsl:with-param name="title" select="$title"/>
      <xsl:with-param name="root" select="'../'"/>
      <xsl:with-param name="active" select="'index'"/>
      <xsl:with-param name="body-class" select="'doc view-' || $tt:view"/>
      <xsl:with-param name="description"
          select="normalize-space(string(($tei/teiHeader/profileDesc/abstract)[1]))"/>
      <xsl:with-param name="content-of" select="$tei"/>
    </xsl:call-template>
  </xsl:template>

  <!--
    The page's content. Without a splice marker, from the parts of the view's page: map {'body':
    the text, 'notes': the footnotes section, 'entries': the apparatus entries by their key}; the
    text and notes hold an <apparatus-entry> placeholder after each mark (see marks.xsl), in the
    order of the apparatus.
  -->
  <xsl:template match="TEI" mode="tt:page">
    <xsl:param name="tt:view" tunnel="yes" as="xs:string" select="$view"/>
    <xsl:param name="tt:splice" tunnel="yes" as="xs:string?"/>
    <!-- not evaluated with a splice marker: that page writes its text straight out -->
    <xsl:variable name="parts" as="map(*)">
      <xsl:variable name="own" as="map(*)">
        <xsl:apply-templates select="." mode="tt:view-parts"/>
      </xsl:variable>
      <xsl:sequence select="map:merge(($own, map {'entries': tt:apparatus-entries($own)}))"/>
    </xsl:variable>
    <article class="document" aria-labelledby="doc-title">
      <xsl:if test="$tt:view = 'read'">
        <!-- only the reading view goes into the search index -->
        <xsl:attribute name="data-pagefind-body" select="''"/>
      </xsl:if>
      <xsl:choose>
        <!-- the summary's dates and notes are written for the view: then not the same -->
        <xsl:when test="$tei/teiHeader/profileDesc/abstract//(date | note)">
          <xsl:call-template name="tt:doc-header"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="tt:splice-mark"><xsl:with-param name="part" select="'header'"/>
          </xsl:call-template>
          <xsl:if test="not($tt:splice = 'refer')"><xsl:call-template name="tt:doc-header"/></xsl:if>
          <xsl:call-template name="tt:splice-mark">
            <xsl:with-param name="part" select="'header'"/>
            <xsl:with-param name="end" select="true()"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="tt:doc-tools"/>
      <div class="doc-layout">
        <div class="doc-main">
          <xsl:call-template name="tt:doc-notices"/>
          <xsl:call-template name="tt:toc"/>
          <xsl:choose>
            <xsl:when test="$tt:splice">
              <!-- text and notes straight into the page, the marks' entries as comments that
                   render_views turns into the apparatus (see layout.xsl) -->
              <xsl:call-template name="tt:doc-text">
                <xsl:with-param name="tt:collect" tunnel="yes" select="'comments'"/>
              </xsl:call-template>
              <xsl:call-template name="tt:footnotes">
                <xsl:with-param name="tt:collect" tunnel="yes" select="'comments'"/>
              </xsl:call-template>
              <xsl:comment select="$splice-marker || 'apparatus'"/>
            </xsl:when>
            <xsl:otherwise>
              <!-- the marks' placeholders for their apparatus entries stay out of the text -->
              <xsl:apply-templates select="$parts?body, $parts?notes" mode="tt:strip-entries"/>
              <xsl:call-template name="tt:apparatus">
                <xsl:with-param name="entries" select="($parts?body, $parts?notes)
                    //Q{}apparatus-entry ! $parts?entries(@key)"/>
              </xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </div>
        <xsl:call-template name="tt:splice-mark"><xsl:with-param name="part" select="'aside'"/>
        </xsl:call-template>
        <xsl:if test="not($tt:splice = 'refer')"><xsl:call-template name="tt:doc-aside"/></xsl:if>
        <xsl:call-template name="tt:splice-mark">
          <xsl:with-param name="part" select="'aside'"/>
          <xsl:with-param name="end" select="true()"/>
        </xsl:call-template>
      </div>
      <xsl:call-template name="tt:prev-next"/>
    </article>
  </xsl:template>

  <xsl:template match="TEI" mode="tt:view-parts" as="map(*)">
    <xsl:param name="tt:view" tunnel="yes" as="xs:string" select="$view"/>
    <xsl:variable name="body" as="element()">
      <xsl:call-template name="tt:doc-text">
        <xsl:with-param name="tt:collect" tunnel="yes" select="'placeholders'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="notes" as="element()*">
      <xsl:call-template name="tt:footnotes">
        <xsl:with-param name="tt:collect" tunnel="yes" select="'placeholders'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:sequence select="map {'body': $body, 'notes': $notes}"/>
  </xsl:template>

  <!-- the text of the document (the context) in the view -->
  <xsl:template name="tt:doc-text">
    <xsl:param name="tt:view" tunnel="yes" as="xs:string" select="$view"/>
    <div class="doc-text text-{$tt:view}" lang="{($tei/text/@xml:lang,
        $tei/@xml:lang, $edition-language)[1]}">
      <xsl:choose>
        <xsl:when test="$tt:view = 'dipl'">
          <xsl:apply-templates select="text" mode="tt:dipl"/>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates select="text" mode="tt:read"/></xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>

  <!-- the apparatus entries that the placeholders in these parts ask for, by their key: the
       one a placeholder holds (see marks.xsl), else built here once -->
  <xsl:function name="tt:apparatus-entries" as="map(xs:string, element())">
    <xsl:param name="parts" as="map(*)*"/>
    <xsl:map>
      <xsl:for-each-group select="$parts ! (?body, ?notes)//Q{}apparatus-entry"
          group-by="string(@key)">
        <xsl:variable name="built" select="current-group()/*"/>
        <xsl:map-entry key="current-grouping-key()" select="if (exists($built)) then $built[1]
            else tt:apparatus-entry(tt:element-at($tei, substring-before(substring(@key, 4), ' ')),
                                    @key ! tokenize(.)[2], @key ! tokenize(.)[1],
                                    string(@key ! tokenize(.)[3]))"/>
      </xsl:for-each-group>
    </xsl:map>
  </xsl:function>

  <!-- the element of $doc's document at a tt:path-id() -->
  <xsl:function name="tt:element-at" as="element()">
    <xsl:param name="doc" as="node()"/>
    <xsl:param name="path" as="xs:string"/>
    <xsl:sequence select="fold-left(tokenize($path, '-'), root($doc),
                                    function($n, $i) { $n/*[xs:integer($i)] })"/>
  </xsl:function>

  <xsl:template name="tt:doc-aside">
    <aside class="doc-aside" aria-label="About this document" data-pagefind-ignore="">
      <xsl:call-template name="tt:meta-panel"/>
      <xsl:call-template name="tt:cite-block"/>
    </aside>
  </xsl:template>

  <!-- the built-in shallow copy: much faster than an identity template on every node -->
  <xsl:mode name="tt:strip-entries" on-no-match="shallow-copy"/>
  <xsl:template match="Q{}apparatus-entry" mode="tt:strip-entries"/>

  <!-- ========================= header ========================= -->

  <xsl:template name="tt:doc-header">
    <xsl:variable name="date" select="tt:date-element($tei)"/>
    <xsl:variable name="type" select="tt:doctype-group($tei)"/>
    <header class="doc-header">
      <p class="kicker">
        <xsl:if test="$type">
          <span class="doc-type" data-pagefind-filter="type"><xsl:value-of select="$type"/></span>
        </xsl:if>
        <xsl:if test="$type and $date"><xsl:text> · </xsl:text></xsl:if>
        <xsl:if test="$date">
          <time class="doc-date">
            <xsl:if test="tt:iso($date)">
              <xsl:attribute name="datetime" select="tt:iso($date)"/>
              <xsl:attribute name="data-pagefind-sort" select="'date:' || tt:iso($date)"/>
            </xsl:if>
            <xsl:value-of select="tt:date-text($date)"/>
          </time>
          <xsl:if test="matches(string(tt:iso($date)), '^\d{4}')">
            <span class="visually-hidden" data-pagefind-filter="year">
              <xsl:value-of select="substring(tt:iso($date), 1, 4)"/>
            </span>
          </xsl:if>
        </xsl:if>
      </p>
      <h1 id="doc-title" data-pagefind-meta="title"><xsl:value-of select="tt:title($tei)"/></h1>
      <xsl:for-each select="$tei/teiHeader/profileDesc/abstract">
        <div class="summary">
          <xsl:for-each select="p">
            <p><xsl:apply-templates mode="tt:read"/></p>
          </xsl:for-each>
          <xsl:if test="not(p)"><p><xsl:value-of select="normalize-space(.)"/></p></xsl:if>
        </div>
      </xsl:for-each>
    </header>
  </xsl:template>

  <!-- view switch, downloads and a note on the view: a sticky bar (a child of the article,
       so that it stays in view for the whole document) -->
  <xsl:template name="tt:doc-tools">
    <xsl:param name="tt:view" tunnel="yes" as="xs:string" select="$view"/>
    <div class="doc-tools" data-pagefind-ignore="">
      <!-- no switch when the site writes one view only (dipl-href ''): see html.py -->
      <xsl:if test="normalize-space($dipl-href)">
        <nav class="view-switch" aria-label="View of the text">
          <a href="{$read-href}" class="view-read">
            <xsl:if test="$tt:view = 'read'"><xsl:attribute name="aria-current" select="'page'"/></xsl:if>
            <xsl:text>Reading view</xsl:text>
          </a>
          <a href="{$dipl-href}" class="view-dipl">
            <xsl:if test="$tt:view = 'dipl'"><xsl:attribute name="aria-current" select="'page'"/></xsl:if>
            <xsl:text>Diplomatic view</xsl:text>
          </a>
        </nav>
      </xsl:if>
      <ul class="downloads" aria-label="Downloads">
        <li><a href="{$tei-href}" type="application/tei+xml" download="">TEI XML</a></li>
        <xsl:if test="normalize-space($pdf-href)">
          <li><a href="{$pdf-href}" type="application/pdf">PDF</a></li>
        </xsl:if>
      </ul>
    </div>
    <xsl:if test="normalize-space($dipl-href) or $conventions-page != 'no'">
      <p class="view-note" data-pagefind-ignore="">
        <xsl:choose>
          <xsl:when test="not(normalize-space($dipl-href))"/>
          <xsl:when test="$tt:view = 'dipl'">Diplomatic view: the transcript’s lines and
            editorial brackets, as published.</xsl:when>
          <xsl:otherwise>Reading view: a clean text; editorial interventions are marked and
            explained.</xsl:otherwise>
        </xsl:choose>
        <xsl:if test="$conventions-page != 'no'">
          <xsl:text> </xsl:text>
          <a href="../conventions.html">How to read this edition</a>
        </xsl:if>
      </p>
    </xsl:if>
  </xsl:template>

  <xsl:template name="tt:doc-notices">
    <xsl:if test="$tei/teiHeader/revisionDesc//change[@status = 'unproofread']">
      <p class="notice" role="note">This transcript was published as “not yet proofread”.</p>
    </xsl:if>
  </xsl:template>

  <!-- A table of contents when the document has several entries or sections (L6, L14). -->
  <xsl:template name="tt:toc">
    <xsl:param name="tt:view" tunnel="yes" as="xs:string" select="$view"/>
    <xsl:variable name="parts" select="$tei/text/body//div[@type = ('entry', 'section',
        'attachment')][@xml:id or $tt:view = 'read']"/>
    <xsl:if test="count($parts) gt 1 and $tt:view = 'read'">
      <nav class="toc" aria-label="Contents of the document" data-pagefind-ignore="">
        <h2 class="toc-title">Contents</h2>
        <ol>
          <xsl:for-each select="$parts">
            <li>
              <a href="#{(@xml:id, 'div-' || tt:path-id(.))[1]}">
                <xsl:value-of select="normalize-space(((head, dateline)[1], @n, @type)[1])"/>
              </a>
            </li>
          </xsl:for-each>
        </ol>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- divs without an xml:id get a path id so that the contents can link to them -->
  <xsl:template match="div[not(@xml:id)]" mode="tt:read" priority="2">
    <section id="div-{tt:path-id(.)}"
        class="{string-join(('div', @type ! ('div-' || .), @subtype ! ('sub-' || .)), ' ')}">
      <xsl:call-template name="tt:lang"/>
      <xsl:apply-templates mode="#current"/>
    </section>
  </xsl:template>

  <!-- R: numbered paragraphs (L13) carry a link to themselves, for citing a paragraph. The
       paragraph of text.xsl, written here with the link (not built by next-match and copied) -->
  <xsl:template match="p[@n][tt:block(.)]" mode="tt:read" priority="2">
    <xsl:param name="tt:inert" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:variable name="id" as="xs:string?"
        select="if ($tt:inert) then () else string((@xml:id, tt:p-id(.))[1])"/>
    <p>
      <xsl:if test="exists($id)">
        <xsl:attribute name="id" select="$id"/>
        <xsl:if test="not(@xml:id)"><xsl:attribute name="data-n" select="@n"/></xsl:if>
      </xsl:if>
      <xsl:call-template name="tt:lang"/>
      <xsl:if test="exists($id)">
        <a class="p-anchor" href="#{$id}" data-pagefind-ignore="">
          <span class="visually-hidden">Link to paragraph </span>
          <xsl:value-of select="@n"/>
        </a>
      </xsl:if>
      <xsl:call-template name="tt:speaker-here"/>
      <xsl:apply-templates mode="#current"/>
    </p>
  </xsl:template>

  <!-- ========================= footnotes ========================= -->

  <xsl:template name="tt:footnotes">
    <xsl:param name="tt:view" tunnel="yes" as="xs:string" select="$view"/>
    <xsl:variable name="notes" select="$tei/text//note[tt:is-footnote(.)]"/>
    <xsl:if test="$notes">
      <section class="footnotes" aria-labelledby="footnotes-title">
        <h2 id="footnotes-title">Notes</h2>
        <xsl:if test="$tt:view = 'dipl'">
          <p class="fn-rule" aria-hidden="true">——————————</p>
        </xsl:if>
        <ol>
          <xsl:for-each select="$notes">
            <li id="{tt:footnote-id(.)}">
              <span class="fn-marker">
                <xsl:value-of select="tt:footnote-marker(., $tt:view = 'dipl')"/>
              </span>
              <xsl:text> </xsl:text>
              <span class="fn-text">
                <xsl:choose>
                  <xsl:when test="$tt:view = 'dipl'">
                    <xsl:apply-templates mode="tt:dipl"/>
                  </xsl:when>
                  <xsl:otherwise><xsl:apply-templates mode="tt:read"/></xsl:otherwise>
                </xsl:choose>
              </span>
              <xsl:text> </xsl:text>
              <a class="backlink" href="#{tt:footnote-id(.)}-ref" role="doc-backlink"
                  aria-label="Back to the text of note {tt:footnote-marker(., false())}">↩</a>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- ========================= apparatus ========================= -->

  <xsl:template name="tt:apparatus">
    <xsl:param name="entries" as="node()*"/>
    <xsl:if test="$entries">
      <section class="apparatus" aria-labelledby="apparatus-title" data-pagefind-ignore="">
        <h2 id="apparatus-title">Editorial interventions</h2>
        <p class="apparatus-intro">Every bracket of the transcript and every other editorial
          intervention, in the order of the text. Select a marked passage to see its entry.</p>
        <ol>
          <!-- entries hold no placeholders (their D form is inert): a plain copy -->
          <xsl:sequence select="$entries"/>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- ========================= prev / next ========================= -->

  <!-- the diplomatic view links to the neighbours' diplomatic views -->
  <xsl:function name="tt:view-href" as="xs:string">
    <xsl:param name="href" as="xs:string"/>
    <xsl:param name="view" as="xs:string"/>
    <xsl:sequence select="if ($view = 'dipl') then replace($href, '\.html$', '.diplomatic.html')
                          else $href"/>
  </xsl:function>
  <!-- the one-argument form of earlier versions: the global view -->
  <xsl:function name="tt:view-href" as="xs:string">
    <xsl:param name="href" as="xs:string"/>
    <xsl:sequence select="tt:view-href($href, $view)"/>
  </xsl:function>

  <xsl:template name="tt:prev-next">
    <xsl:param name="tt:view" tunnel="yes" as="xs:string" select="$view"/>
    <nav class="prev-next" aria-label="Other documents" data-pagefind-ignore="">
      <xsl:choose>
        <xsl:when test="normalize-space($prev-href)">
          <a class="prev" rel="prev" href="{tt:view-href($prev-href, $tt:view)}">
            <span class="dir">← Previous</span>
            <span class="t"><xsl:value-of select="$prev-title"/></span>
          </a>
        </xsl:when>
        <xsl:otherwise><span class="prev none">First document</span></xsl:otherwise>
      </xsl:choose>
      <a class="up" href="../index.html">
        <xsl:text>All documents</xsl:text>
        <xsl:if test="normalize-space($position)">
          <span class="pos"><xsl:value-of select="' (' || $position || ')'"/></span>
        </xsl:if>
      </a>
      <xsl:choose>
        <xsl:when test="normalize-space($next-href)">
          <a class="next" rel="next" href="{tt:view-href($next-href, $tt:view)}">
            <span class="dir">Next →</span>
            <span class="t"><xsl:value-of select="$next-title"/></span>
          </a>
        </xsl:when>
        <xsl:otherwise><span class="next none">Last document</span></xsl:otherwise>
      </xsl:choose>
    </nav>
  </xsl:template>
</xsl:stylesheet>
