<?xml version="1.0" encoding="UTF-8"?>
<!--
  Web rendering of the hooks of common/text.xsl.

  Every intervention becomes a real link to its entry in the page's apparatus ("Editorial
  interventions"), so that it works without JavaScript: following the link shows the
  explanation, and the entry links back. tei-tools.js turns the same links into popovers
  (keyboard: Enter opens, Escape closes and returns focus). aria-describedby gives screen
  readers the explanation without leaving the text.

  A mark whose content is a block (a stamp, a handwritten resolution) or already holds a link
  cannot itself be a link (no nested links in HTML): it gets a small (i) link instead.

  Each mark is followed by its apparatus entry, as the tunnel parameter tt:collect asks:
    ''              an <apparatus-entry> with the entry itself
    'placeholders'  an <apparatus-entry> with its key (id, kind, view), holding the entry where
                    it is cheap to build here (document.xsl builds the others, once each,
                    and removes the placeholders from the text)
    'comments'      a comment with the key (and the entry between two comments): the text is
                    written straight into the page and render_views builds the apparatus list
                    (see $splice-marker in layout.xsl)
  So there is one pass over the TEI and one list in text order.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tt="urn:tei-tools"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:template name="tt:mark">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:param name="block" as="xs:boolean" select="false()"/>
    <xsl:param name="tt:inert" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:param name="tt:view" tunnel="yes" as="xs:string" select="$view"/>
    <!-- '' (the entry right after the mark), 'placeholders' or 'comments' (see document.xsl) -->
    <xsl:param name="tt:collect" tunnel="yes" as="xs:string" select="''"/>
    <xsl:variable name="id" select="'iv-' || tt:path-id(.)"/>
    <xsl:variable name="nodes" select="$content[. instance of node()]"/>
    <xsl:variable name="wrapper" select="if ($block) then 'div' else 'span'"/>
    <xsl:choose>
      <xsl:when test="$tt:inert">
        <xsl:element name="{$wrapper}">
          <xsl:attribute name="class" select="'iv iv-' || $kind"/>
          <xsl:sequence select="$content"/>
        </xsl:element>
      </xsl:when>
      <xsl:when test="not($block) and empty($nodes/descendant-or-self::*[local-name() = ('a',
          'div', 'p', 'ul', 'ol', 'dl', 'table', 'section', 'blockquote')])">
        <a class="iv iv-{$kind}" href="#{$id}" id="{$id}-ref" aria-describedby="{$id}-d">
          <xsl:sequence select="$content"/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <xsl:element name="{$wrapper}">
          <xsl:attribute name="class" select="'iv iv-' || $kind || ' iv-box'"/>
          <xsl:attribute name="id" select="$id || '-ref'"/>
          <a class="iv-ref" href="#{$id}" aria-describedby="{$id}-d">
            <span class="visually-hidden"><xsl:value-of select="tt:label(.)"/></span>
            <span aria-hidden="true" class="info">i</span>
          </a>
          <xsl:sequence select="$content"/>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="not($tt:inert)">
      <!-- only dates and footnote markers in the D form depend on the view -->
      <xsl:variable name="entry-view" select="if (exists(descendant::*[self::date or self::note]))
          then $tt:view else ''"/>
      <xsl:variable name="key" select="$id || ' ' || $kind || ' ' || $entry-view"/>
      <!-- the entry goes with the mark where this pass has it cheaply: the diplomatic pass
           for entries of either view (its content is the D form, see tt:entry-of-mark), each
           pass for entries of its own view; else document.xsl builds the entry -->
      <xsl:variable name="with-entry" select="$tt:view = 'dipl' or $entry-view != ''"/>
      <xsl:choose>
        <xsl:when test="$tt:collect = 'comments'">
          <!-- straight into the page: a reference to the entry, and the entry itself between
               two more comments (render_views moves it to the apparatus, see layout.xsl) -->
          <xsl:comment select="$splice-marker || '@' || $key"/>
          <xsl:if test="$with-entry">
            <xsl:comment select="$splice-marker || '=' || $key"/>
            <xsl:call-template name="tt:entry-of-mark">
              <xsl:with-param name="kind" select="$kind"/>
              <xsl:with-param name="id" select="$id"/>
              <xsl:with-param name="view" select="$entry-view"/>
              <xsl:with-param name="content" select="$content"/>
              <xsl:with-param name="wrapper" select="$wrapper"/>
            </xsl:call-template>
            <xsl:comment select="$splice-marker || '/=' || $key"/>
          </xsl:if>
        </xsl:when>
        <xsl:when test="$tt:collect">
          <apparatus-entry key="{$key}">
            <xsl:if test="$with-entry">
              <xsl:call-template name="tt:entry-of-mark">
                <xsl:with-param name="kind" select="$kind"/>
                <xsl:with-param name="id" select="$id"/>
                <xsl:with-param name="view" select="$entry-view"/>
                <xsl:with-param name="content" select="$content"/>
                <xsl:with-param name="wrapper" select="$wrapper"/>
              </xsl:call-template>
            </xsl:if>
          </apparatus-entry>
        </xsl:when>
        <xsl:otherwise>
          <apparatus-entry>
            <xsl:call-template name="tt:apparatus-entry">
              <xsl:with-param name="kind" select="$kind"/>
              <xsl:with-param name="id" select="$id"/>
              <xsl:with-param name="view" select="$entry-view"/>
            </xsl:call-template>
          </apparatus-entry>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <!-- The entry of the mark that is being written, whose content is $content: in the
       diplomatic view, content without links or ids is what the inert D form holds, so it is
       reused rather than the element rendered again (links and ids are all that tt:inert
       changes) -->
  <xsl:template name="tt:entry-of-mark">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="view" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:param name="wrapper" as="xs:string"/>
    <xsl:param name="tt:view" tunnel="yes" as="xs:string" select="$view"/>
    <xsl:choose>
      <xsl:when test="$tt:view = 'dipl' and empty($content[. instance of node()]
          /descendant-or-self::*[self::Q{}a or @id])">
        <xsl:call-template name="tt:apparatus-entry">
          <xsl:with-param name="kind" select="$kind"/>
          <xsl:with-param name="id" select="$id"/>
          <xsl:with-param name="dipl-content" select="$content"/>
          <xsl:with-param name="dipl-wrapper" select="$wrapper"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="tt:apparatus-entry">
          <xsl:with-param name="kind" select="$kind"/>
          <xsl:with-param name="id" select="$id"/>
          <xsl:with-param name="view" select="$view"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    The apparatus entry of an intervention (the context): its D form rendered for $view (''
    for either), or given as $dipl-form. A template, not a function: it writes straight into
    its caller's output (a function's element would be built apart and then copied).
    $dipl-content in $dipl-wrapper is the D form as the inert rendering writes it.
  -->
  <xsl:template name="tt:apparatus-entry">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="view" as="xs:string" select="''"/>
    <xsl:param name="dipl-content" as="item()*"/>
    <xsl:param name="dipl-wrapper" as="xs:string?"/>
    <li id="{$id}" class="iv-entry entry-{$kind}">
      <span id="{$id}-d" class="iv-explain">
        <strong class="iv-label"><xsl:value-of select="tt:label(.)"/>.</strong>
        <xsl:text> </xsl:text>
        <xsl:value-of select="tt:explain(.)"/>
      </span>
      <xsl:text> </xsl:text>
      <div class="iv-source">
        <xsl:text>Transcript: </xsl:text>
        <div class="dipl-form">
          <xsl:choose>
            <xsl:when test="exists($dipl-wrapper)">
              <xsl:element name="{$dipl-wrapper}">
                <xsl:attribute name="class" select="'iv iv-' || $kind"/>
                <xsl:sequence select="$dipl-content"/>
              </xsl:element>
            </xsl:when>
            <xsl:otherwise>
              <xsl:apply-templates select="." mode="tt:dipl">
                <xsl:with-param name="tt:inert" tunnel="yes" select="true()"/>
                <xsl:with-param name="tt:view" tunnel="yes" select="$view"/>
              </xsl:apply-templates>
            </xsl:otherwise>
          </xsl:choose>
        </div>
      </div>
      <xsl:text> </xsl:text>
      <a class="backlink" href="#{$id}-ref" aria-label="Back to the text">↩</a>
    </li>
  </xsl:template>

  <!-- the same as a function (the element: $e) -->
  <xsl:function name="tt:apparatus-entry" as="element()">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="view" as="xs:string"/>
    <xsl:for-each select="$e">
      <xsl:call-template name="tt:apparatus-entry">
        <xsl:with-param name="kind" select="$kind"/>
        <xsl:with-param name="id" select="$id"/>
        <xsl:with-param name="view" select="$view"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:function>

  <xsl:template name="tt:footnote-ref">
    <xsl:param name="marker" as="xs:string"/>
    <xsl:param name="tt:inert" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:variable name="id" select="tt:footnote-id(.)"/>
    <xsl:choose>
      <xsl:when test="$tt:inert">
        <sup class="fnref"><xsl:value-of select="$marker"/></sup>
      </xsl:when>
      <xsl:otherwise>
        <sup class="fnref" data-pagefind-ignore="">
          <a href="#{$id}" id="{$id}-ref" role="doc-noteref"
              aria-label="Note {tt:footnote-marker(., false())}">
            <xsl:value-of select="$marker"/>
          </a>
        </sup>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
