<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI text → HTML, in two views (conventions.md §0, §5.1, §6.5):

    mode tt:dipl   the diplomatic view D: the transcript's brackets restored, line by line
    mode tt:read   the reading view R: a clean text, interventions as typography and markers

  Output is HTML elements in no namespace (serialise with method="html" version="5"). Nothing
  from the input is ever copied as markup: elements become a fixed set of HTML elements, text
  stays text, and only the URLs that tt:safe-url() allows become links.

  Hooks to override in an importing stylesheet (web: xslt/html/, print: xslt/print/):
    tt:mark          wraps every editorial intervention (context: the TEI element)
    tt:footnote-ref  the marker of a footnote in the text
  Tunnel parameter tt:inert = true() asks the hooks for plain output (no links, no ids), for
  copies of the text such as the D form quoted in an apparatus entry.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tt="urn:tei-tools"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:import href="explain.xsl"/>
  <!-- included, not imported: its templates must have the same precedence as these -->
  <xsl:include href="interventions.xsl"/>
  <xsl:include href="scholarly.xsl"/>

  <!-- ========================= hooks (override these) ========================= -->

  <xsl:template name="tt:mark">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:param name="block" as="xs:boolean" select="false()"/>
    <xsl:element name="{if ($block) then 'div' else 'span'}">
      <xsl:attribute name="class" select="'iv iv-' || $kind"/>
      <xsl:attribute name="title" select="tt:explain(.)"/>
      <xsl:sequence select="$content"/>
    </xsl:element>
  </xsl:template>

  <xsl:template name="tt:footnote-ref">
    <xsl:param name="marker" as="xs:string"/>
    <sup class="fnref"><xsl:value-of select="$marker"/></sup>
  </xsl:template>

  <!-- ========================= helpers ========================= -->

  <!--
    Which view is being rendered: the page stylesheet sets the global parameter "view"
    ('read' or 'dipl'); templates shared by both modes consult it for small differences.
    (A parameter, not a function: Saxon may evaluate a zero-argument function only once per
    compiled stylesheet, which would freeze the first view rendered.)
    Templates read it through the tunnel parameter tt:view, which defaults to $view: a page
    stylesheet may then render both views in one transform (html/document.xsl does).
  -->
  <xsl:param name="view" as="xs:string" select="'read'"/>

  <!-- Elements that stand on lines of their own when they are direct children of these. -->
  <xsl:function name="tt:block" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/parent::*[self::body or self::front or self::back
        or self::div or self::opener or self::closer or self::postscript or self::sp
        or self::fw or self::text or self::lg or self::figure or self::group
        or self::note[@type = 'distribution']])
        or exists($e/parent::note[not(@place = 'inline')]/self::*[not(tt:is-footnote(.))]
                  [$e/self::*[self::p or self::list or self::table or self::lg or self::ab
                              or self::quote or self::div]])"/>
  </xsl:function>

  <!-- h2 for the first level of headings in the text, one deeper for each enclosing div that
       has a heading of its own (so the outline has no gaps: h1 is the page title) -->
  <xsl:function name="tt:heading-level" as="xs:integer">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="min((6, 2 + count($e/../ancestor::div[head])))"/>
  </xsl:function>

  <xsl:key name="tt:p-by-n" match="p[@n]" use="@n"/>

  <!-- the id of a numbered paragraph without xml:id: p1, p2 … when the number is unique in the
       document, else a path id -->
  <xsl:function name="tt:p-id" as="xs:string">
    <xsl:param name="p" as="element()"/>
    <xsl:sequence select="if (count(key('tt:p-by-n', $p/@n, root($p))) eq 1)
        then 'p' || replace($p/@n, '[^\w.-]', '-') else 'p-' || tt:path-id($p)"/>
  </xsl:function>

  <xsl:template name="tt:lang">
    <xsl:if test="@xml:lang">
      <xsl:attribute name="lang" select="@xml:lang"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="tt:id">
    <xsl:param name="tt:inert" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:if test="@xml:id and not($tt:inert)">
      <xsl:attribute name="id" select="@xml:id"/>
    </xsl:if>
  </xsl:template>

  <!--
    A bracket restored in D. Context: the bracketing element; a repaired bracket (§3.2) is left
    out or changed as its @rend says: unopened (no "["), unclosed (no "]"), single-close
    ("[[x]"). '[sic]' and the like (open and close in one) are written as they are.
  -->
  <xsl:template name="tt:bk">
    <xsl:param name="s" as="xs:string"/>
    <xsl:variable name="opening" select="starts-with($s, '[') and not(ends-with($s, ']'))"/>
    <xsl:variable name="closing" select="ends-with($s, ']') and not(starts-with($s, '['))"/>
    <!-- most brackets are not repaired: no @rend, nothing to test -->
    <xsl:variable name="text" select="if (not(@rend)) then $s
        else if ($opening and @rend = 'unopened') then ''
        else if ($closing and @rend = 'unclosed') then ''
        else if ($closing and @rend = 'single-close') then replace($s, '\]+$', ']')
        else $s"/>
    <xsl:if test="$text">
      <span class="bk"><xsl:value-of select="$text"/></span>
    </xsl:if>
  </xsl:template>

  <!-- block or inline wrapper with a class, for elements whose rendering is just "a box" -->
  <xsl:template name="tt:box">
    <xsl:param name="class" as="xs:string"/>
    <xsl:param name="block" as="xs:boolean" select="tt:block(.)"/>
    <xsl:element name="{if ($block) then 'div' else 'span'}">
      <xsl:attribute name="class" select="$class"/>
      <xsl:call-template name="tt:id"/>
      <xsl:call-template name="tt:lang"/>
      <xsl:apply-templates mode="#current"/>
    </xsl:element>
  </xsl:template>

  <!-- ========================= defaults: unknown TEI, other XML ========================= -->

  <!-- Unknown TEI elements: keep their text in a neutral box, block if they hold blocks. -->
  <xsl:template match="*" mode="tt:dipl tt:read">
    <xsl:call-template name="tt:box">
      <xsl:with-param name="class" select="'tei-' || local-name()"/>
      <xsl:with-param name="block" select="tt:block(.) and exists(p | child::div | list | table | ab
          | lg | figure | quote | sp | head)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Elements of other vocabularies (e.g. an XHTML island): their text only, never markup. -->
  <xsl:template match="*[namespace-uri() ne 'http://www.tei-c.org/ns/1.0']" mode="tt:dipl tt:read">
    <xsl:apply-templates mode="#current"/>
  </xsl:template>

  <xsl:template match="teiHeader | standOff | facsimile | comment() | processing-instruction()"
      mode="tt:dipl tt:read"/>

  <!-- Whitespace between elements in element-only content: one space is enough for HTML. -->
  <xsl:template match="text()[not(normalize-space())]" mode="tt:dipl tt:read">
    <xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="text()[parent::hi[@rend = 'spaced']]" mode="tt:dipl">
    <!-- D reproduces the transcript's letter-spacing with real spaces: R O S H C H I N -->
    <xsl:value-of select="string-join(for $w in tokenize(., '\s+') return
        string-join(string-to-codepoints($w) ! codepoints-to-string(.), ' '), ' ')"/>
  </xsl:template>

  <!-- ========================= structure ========================= -->

  <xsl:template match="text | body | front | back | group" mode="tt:dipl tt:read">
    <xsl:apply-templates mode="#current"/>
  </xsl:template>

  <xsl:template match="div" mode="tt:dipl tt:read">
    <section class="{string-join(('div', @type ! ('div-' || .), @subtype ! ('sub-' || .)), ' ')}">
      <xsl:call-template name="tt:id"/>
      <xsl:call-template name="tt:lang"/>
      <xsl:apply-templates mode="#current"/>
    </section>
  </xsl:template>

  <xsl:template match="head" mode="tt:dipl tt:read">
    <xsl:choose>
      <xsl:when test="tt:block(.)">
        <xsl:element name="h{tt:heading-level(.)}">
          <xsl:attribute name="class" select="'head'"/>
          <xsl:call-template name="tt:lang"/>
          <xsl:apply-templates mode="#current"/>
        </xsl:element>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="tt:box">
          <xsl:with-param name="class" select="'head'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="p" mode="tt:dipl tt:read">
    <xsl:param name="tt:inert" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:choose>
      <xsl:when test="tt:block(.)">
        <p>
          <xsl:call-template name="tt:id"/>
          <xsl:if test="@n and not(@xml:id) and not($tt:inert)">
            <xsl:attribute name="id" select="tt:p-id(.)"/>
            <xsl:attribute name="data-n" select="@n"/>
          </xsl:if>
          <xsl:call-template name="tt:lang"/>
          <xsl:call-template name="tt:speaker-here"/>
          <xsl:apply-templates mode="#current"/>
        </p>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="tt:box">
          <xsl:with-param name="class" select="'p'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="opener | closer | postscript | dateline | salute | signed | ab
      | argument | byline | docAuthor | docDate | epigraph | trailer | fw | floatingText"
      mode="tt:dipl tt:read">
    <xsl:call-template name="tt:box">
      <xsl:with-param name="class" select="string-join((local-name(), @type ! (local-name(..)
          || '-' || .)), ' ')"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="seg" mode="tt:dipl tt:read">
    <span class="{string-join(('seg', @type ! ('seg-' || .)), ' ')}">
      <xsl:call-template name="tt:id"/>
      <xsl:call-template name="tt:lang"/>
      <xsl:apply-templates mode="#current"/>
    </span>
  </xsl:template>

  <!-- R: classification, handling and precedence as chips (L4) -->
  <xsl:template match="seg[@type = ('classification', 'handling', 'precedence')]" mode="tt:read">
    <span class="seg seg-{@type} chip"><xsl:apply-templates mode="#current"/></span>
  </xsl:template>

  <xsl:template match="lb" mode="tt:dipl tt:read"><br/></xsl:template>

  <xsl:template match="pb" mode="tt:dipl">
    <span class="pb pb-dipl"><xsl:call-template name="tt:id"/>
      <xsl:call-template name="tt:bk"><xsl:with-param name="s" select="'['"/></xsl:call-template>
      <xsl:value-of select="'Page ' || @n"/>
      <xsl:call-template name="tt:bk"><xsl:with-param name="s" select="']'"/></xsl:call-template>
      <xsl:call-template name="tt:facs-link"/>
    </span>
  </xsl:template>
  <xsl:template match="pb" mode="tt:read">
    <span class="pb"><xsl:call-template name="tt:id"/><span class="visually-hidden">Page break, page </span><span
        aria-hidden="true">p. </span><xsl:value-of select="@n"/><xsl:call-template
        name="tt:facs-link"/></span>
  </xsl:template>

  <xsl:template match="milestone[@unit = 'rule']" mode="tt:read">
    <hr class="rule rule-{(@type, 'plain')[1]}"/>
  </xsl:template>
  <!-- D: the separator as the transcript writes it, ten characters of its kind (N6) -->
  <xsl:template match="milestone[@unit = 'rule']" mode="tt:dipl">
    <xsl:variable name="char" select="(map {'equals': '=', 'dash': '—', 'underscore': '_',
        'asterisks': '*', 'hash': '#', 'letters': 'x'}(string(@type)), '-')[1]"/>
    <div class="rule-dipl" role="separator">
      <xsl:value-of select="string-join((1 to 10) ! $char, '')"/>
    </div>
  </xsl:template>
  <xsl:template match="milestone | anchor | index | link | linkGrp | alt | altGrp"
      mode="tt:dipl tt:read"/>
  <!-- a point that references aim at (<anchor xml:id="b_447"/>): kept as an empty target -->
  <xsl:template match="anchor[@xml:id] | milestone[@xml:id]" mode="tt:dipl tt:read">
    <xsl:param name="tt:inert" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:if test="not($tt:inert)"><span class="anchor" id="{@xml:id}"/></xsl:if>
  </xsl:template>

  <xsl:template match="space" mode="tt:dipl">
    <span class="space"><xsl:value-of select="string-join((1 to xs:integer((@quantity[. castable
        as xs:integer], 1)[1])) ! '_', '')"/></span>
  </xsl:template>
  <xsl:template match="space" mode="tt:read">
    <span class="space blank"><span class="visually-hidden">(blank space)</span></span>
  </xsl:template>

  <!-- ========================= lists ========================= -->

  <xsl:template match="list" mode="tt:dipl tt:read">
    <div class="{string-join(('list', @type ! ('list-' || .), @rend ! ('rend-' || .)), ' ')}">
      <xsl:apply-templates select="head" mode="#current"/>
      <xsl:choose>
        <xsl:when test="label">
          <!-- label + item pairs (distribution lists, L20) -->
          <ul class="pairs">
            <xsl:for-each-group select="* except head" group-starting-with="label">
              <li>
                <xsl:for-each select="current-group()">
                  <xsl:if test="position() gt 1"><xsl:text> </xsl:text></xsl:if>
                  <span class="{local-name()}"><xsl:apply-templates mode="#current"/></span>
                </xsl:for-each>
              </li>
            </xsl:for-each-group>
          </ul>
        </xsl:when>
        <xsl:otherwise>
          <ul>
            <xsl:for-each select="* except head">
              <xsl:choose>
                <xsl:when test="self::item"><xsl:apply-templates select="." mode="#current"/></xsl:when>
                <!-- anything else in a list (a note, a page break) still needs an li -->
                <xsl:otherwise>
                  <li class="list-extra"><xsl:apply-templates select="." mode="#current"/></li>
                </xsl:otherwise>
              </xsl:choose>
            </xsl:for-each>
          </ul>
        </xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>

  <!--
    D: lists that the transcript writes on one line (L9 fields, L20 "Copies: a; b"): no labels,
    no dashes, no "… side:" group lines, and no lb before the first item (P3: a name per line).
    Items are joined with "; " in the head zone (unless @rend='commas') or when an item holds
    ", ", else with ", "; an lb between two items is the line break of a wrapped list (P3), as
    tei_tools.text does for the round trip.
  -->
  <xsl:function name="tt:inline-list" as="xs:boolean">
    <xsl:param name="list" as="element()"/>
    <xsl:sequence select="not($list/label) and not($list/@rend = 'dash') and exists($list/item)
        and not($list/item[1]/preceding-sibling::*[1][self::lb])
        and $list/@type = ('distribution', 'participants', 'subject')
        and not($list/item[matches(string(.), '^[A-Z][\w ]+ (side|delegation):\s')])"/>
  </xsl:function>

  <xsl:template match="list[tt:inline-list(.)]" mode="tt:dipl" priority="2">
    <xsl:variable name="sep" select="if (parent::note and not(@rend = 'commas')
        or item[contains(replace(string(.), '\([^()]*\)|\[[^\]]*\]', ''), ', ')]) then '; '
        else ', '"/>
    <div class="list list-{@type} list-inline">
      <xsl:if test="head">
        <xsl:apply-templates select="head/node()" mode="#current"/>
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:for-each select="item">
        <xsl:if test="position() gt 1"><xsl:value-of select="$sep"/></xsl:if>
        <xsl:if test="position() gt 1 and preceding-sibling::*[1][self::lb]"><br/></xsl:if>
        <span class="item"><xsl:apply-templates mode="#current"/></span>
      </xsl:for-each>
      <!-- text after the list in its container stays on the list's line ("(FYI: a, b)") -->
      <xsl:value-of select="following-sibling::node()[1][self::text()][normalize-space()]"/>
    </div>
  </xsl:template>
  <xsl:template match="text()[normalize-space()][preceding-sibling::node()[1]
      [self::list[tt:inline-list(.)]]]" mode="tt:dipl" priority="3"/>

  <!-- R: distribution lists fold away (L20); <details> needs no script -->
  <xsl:template match="list[@type = 'distribution']" mode="tt:read" priority="2">
    <details class="list list-distribution">
      <summary><xsl:apply-templates select="(head/node(), 'Distribution')[1]" mode="#current"/>
      </summary>
      <xsl:next-match/>
    </details>
  </xsl:template>

  <xsl:template match="list/head" mode="tt:dipl tt:read" priority="2">
    <div class="list-head"><xsl:apply-templates mode="#current"/></div>
  </xsl:template>

  <xsl:template match="list/item" mode="tt:dipl tt:read">
    <li><xsl:call-template name="tt:lang"/><xsl:apply-templates mode="#current"/></li>
  </xsl:template>
  <xsl:template match="list[@rend = 'dash']/item" mode="tt:dipl" priority="2">
    <li><xsl:text>- </xsl:text><xsl:apply-templates mode="#current"/></li>
  </xsl:template>

  <!-- R: memorandum participants as a definition list (L9) -->
  <xsl:template match="list[@type = ('participants', 'subject')][not(label)]" mode="tt:read">
    <dl class="list list-{@type} fields">
      <dt><xsl:apply-templates select="head/node()" mode="#current"/></dt>
      <xsl:for-each select="item">
        <dd><xsl:apply-templates mode="#current"/></dd>
      </xsl:for-each>
    </dl>
  </xsl:template>

  <!-- ========================= dialogue ========================= -->

  <!-- The speaker's label opens the first paragraph, as in the transcript ("Chen: text"):
       the p template writes it (tt:speaker-here); here it is skipped. -->
  <xsl:template match="sp" mode="tt:dipl tt:read">
    <xsl:variable name="first-p" select="*[not(self::speaker)][1][self::p]"/>
    <div class="sp">
      <xsl:if test="@who">
        <xsl:attribute name="data-who" select="@who"/>
      </xsl:if>
      <xsl:apply-templates select="if ($first-p) then node() except speaker else node()"
          mode="#current"/>
    </div>
  </xsl:template>

  <xsl:template name="tt:speaker-here">
    <xsl:if test="self::p and parent::sp and not(preceding-sibling::*[not(self::speaker)])">
      <xsl:apply-templates select="../speaker" mode="#current"/>
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="speaker" mode="tt:dipl tt:read">
    <span class="speaker"><xsl:apply-templates mode="#current"/></span>
  </xsl:template>

  <!-- ========================= tables, verse, quotations ========================= -->

  <xsl:template match="table" mode="tt:dipl tt:read">
    <table class="tei-table">
      <xsl:apply-templates select="head" mode="tt:caption"/>
      <xsl:apply-templates select="row" mode="#current"/>
    </table>
  </xsl:template>
  <xsl:template match="head" mode="tt:caption">
    <caption><xsl:value-of select="normalize-space(.)"/></caption>
  </xsl:template>
  <xsl:template match="row" mode="tt:dipl tt:read">
    <tr><xsl:apply-templates select="cell" mode="#current"/></tr>
  </xsl:template>
  <xsl:template match="cell" mode="tt:dipl tt:read">
    <xsl:element name="{if (../@role = 'label' or @role = 'label') then 'th' else 'td'}">
      <xsl:if test="@cols castable as xs:integer">
        <xsl:attribute name="colspan" select="@cols"/>
      </xsl:if>
      <xsl:apply-templates mode="#current"/>
    </xsl:element>
  </xsl:template>
  <xsl:template match="lg" mode="tt:dipl tt:read">
    <div class="lg"><xsl:apply-templates mode="#current"/></div>
  </xsl:template>
  <xsl:template match="quote[tt:block(.)]" mode="tt:dipl tt:read">
    <blockquote><xsl:apply-templates mode="#current"/></blockquote>
  </xsl:template>
  <xsl:template match="q | quote" mode="tt:dipl tt:read">
    <q><xsl:call-template name="tt:lang"/><xsl:apply-templates mode="#current"/></q>
  </xsl:template>

  <!-- ========================= phrase level ========================= -->

  <xsl:template match="hi" mode="tt:dipl tt:read">
    <xsl:variable name="rend" select="tokenize(lower-case(@rend))"/>
    <xsl:choose>
      <xsl:when test="$rend = ('superscript', 'sup')"><sup><xsl:apply-templates mode="#current"/></sup></xsl:when>
      <xsl:when test="$rend = ('subscript', 'sub')"><sub><xsl:apply-templates mode="#current"/></sub></xsl:when>
      <xsl:when test="$rend = ('italic', 'i')"><i><xsl:apply-templates mode="#current"/></i></xsl:when>
      <xsl:when test="$rend = ('bold', 'b', 'strong')"><b><xsl:apply-templates mode="#current"/></b></xsl:when>
      <xsl:otherwise>
        <span class="{string-join(('hi', $rend[matches(., '^[a-z0-9-]+$')] ! ('hi-' || .)), ' ')}">
          <xsl:apply-templates mode="#current"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="emph" mode="tt:dipl tt:read"><em><xsl:apply-templates mode="#current"/></em></xsl:template>
  <xsl:template match="title[not(ancestor::teiHeader)]" mode="tt:dipl tt:read">
    <cite><xsl:apply-templates mode="#current"/></cite>
  </xsl:template>

  <xsl:template match="persName | orgName | placeName | name | roleName | rs | geogName
      | idno | num | term | measure | time | unit | abbr | expan | mentioned | soCalled | gloss
      | label | desc | figDesc | email | address | addrLine | street | country | settlement
      | forename | surname | affiliation | date" mode="tt:dipl tt:read">
    <xsl:variable name="url" select="@ref[not(starts-with(., '#'))] ! tt:safe-url(.)"/>
    <xsl:choose>
      <xsl:when test="exists($url) and not(ancestor::ref)">
        <a class="ext" href="{$url}"><xsl:call-template name="tt:name-span"/></a>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="tt:name-span"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- written in place (a variable holding it would be built and then copied) -->
  <xsl:template name="tt:name-span">
    <span class="{string-join((local-name(), @type ! (local-name(..) || '-' || .)), ' ')}">
      <xsl:call-template name="tt:id"/>
      <xsl:call-template name="tt:lang"/>
      <xsl:apply-templates mode="#current"/>
    </span>
  </xsl:template>

  <!-- Dates: the ISO value as a machine-readable <time>, and as a tooltip in R (L7). -->
  <xsl:template match="date[@when | @from]" mode="tt:dipl tt:read" priority="2">
    <xsl:param name="tt:view" tunnel="yes" as="xs:string" select="$view"/>
    <time class="date">
      <xsl:if test="matches(string(@when), '^\d{4}(-\d\d(-\d\d)?)?(T[\d:]+)?$')">
        <xsl:attribute name="datetime" select="@when"/>
      </xsl:if>
      <xsl:if test="$tt:view = 'read'">
        <xsl:attribute name="title" select="if (@from and @to) then @from || ' – ' || @to
                                            else tt:iso(.)"/>
      </xsl:if>
      <xsl:apply-templates mode="#current"/>
    </time>
  </xsl:template>

  <!-- The ids of the edition's documents (space-separated; the site writer passes them): a
       reference written as a bare document id ("1957-03-21-kennan-to-leopold", or with
       "#anchor") links to that document's page. -->
  <xsl:param name="docids" as="xs:string" select="''"/>
  <xsl:variable name="tt:docids" as="map(xs:string, xs:boolean)"
      select="map:merge(distinct-values(tokenize($docids)) ! map:entry(., true()))"/>

  <xsl:function name="tt:link-target" as="xs:string?">
    <xsl:param name="target" as="xs:string?"/>
    <!-- a TEI pointer to a range ("#range(a,b)") links to where it starts -->
    <xsl:variable name="t" select="replace(normalize-space($target),
                                           '^#range\(\s*#?([^,\s)]+).*$', '#$1')"/>
    <xsl:variable name="doc" select="substring-before($t || '#', '#')"/>
    <xsl:sequence select="if ($doc != '' and map:contains($tt:docids, $doc))
        then tt:safe-url($doc || '.html' || substring($t, string-length($doc) + 1))
        else tt:safe-url($t)"/>
  </xsl:function>

  <xsl:template match="ref | ptr" mode="tt:dipl tt:read">
    <xsl:variable name="url" select="tt:link-target((@target, @url)[1])"/>
    <xsl:choose>
      <xsl:when test="exists($url) and not(ancestor::ref)">
        <a class="ref" href="{$url}">
          <xsl:apply-templates mode="#current"/>
          <xsl:if test="self::ptr"><xsl:value-of select="$url"/></xsl:if>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="ref"><xsl:apply-templates mode="#current"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Images are never fetched from elsewhere (Endings: no remote assets): graphic and media
       are placeholders (scholarly.xsl); embedded data is left out. -->
  <xsl:template match="binaryObject | graphic[not(@url)] | media[not(@url)]"
      mode="tt:dipl tt:read"/>
  <xsl:template match="figure" mode="tt:dipl tt:read">
    <xsl:call-template name="tt:box">
      <xsl:with-param name="class" select="'figure'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="choice" mode="tt:dipl">
    <xsl:apply-templates select="(sic, orig, abbr, *)[1]" mode="#current"/>
  </xsl:template>
  <xsl:template match="choice" mode="tt:read">
    <xsl:apply-templates select="(corr, reg, expan, *)[1]" mode="#current"/>
  </xsl:template>

</xsl:stylesheet>
