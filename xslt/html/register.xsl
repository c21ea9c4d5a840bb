<?xml version="1.0" encoding="UTF-8"?>
<!--
  The register pages (parameter page: 'entry', 'letter' or 'overview'); input written by
  tei_tools.writers.web.registers:
    <entry kind="person" id="…" label="…" sort="…" root="../../" index="persons-p.html">
      <variant lang="…"/>… <birth/> <death/> <floruit/> <role/>… <geo/> <note/>
      <authority type="wikidata" id="Q…" href="…"/>…
      <doc href="…" date="YYYY-MM-DD" label="as written">title</doc>… (in date order)</entry>
    <letter-page root="../" letter="p"><register kind title count><letter key label href
      count current="yes"?/>…</register> <item href label sort count/>…</letter-page>
    <registers root="../"><register …><letter …/>…</register>…</registers>
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tt="urn:tei-tools"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/text.xsl"/>
  <xsl:import href="layout.xsl"/>

  <xsl:param name="page" as="xs:string" select="'entry'"/>

  <xsl:variable name="authorities" as="map(xs:string, xs:string)" select="map {
      'wikidata': 'Wikidata', 'viaf': 'VIAF', 'gnd': 'GND', 'geonames': 'GeoNames',
      'lc': 'Library of Congress', 'uri': 'Web'}"/>

  <xsl:template match="/">
    <xsl:call-template name="tt:page">
      <xsl:with-param name="title" select="
          if ($page = 'entry') then string(/entry/@label)
          else if ($page = 'letter') then /letter-page/register/@title || ': '
               || /letter-page/register/letter[@current]/@label
          else 'Registers'"/>
      <xsl:with-param name="root" select="string(/*/@root)"/>
      <xsl:with-param name="active" select="'registers'"/>
      <xsl:with-param name="body-class" select="'page-register-' || $page"/>
      <xsl:with-param name="content-of" select="/*"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="entry" mode="tt:page">
    <nav class="breadcrumb" aria-label="Register">
      <a href="../index.html">Registers</a>
      <xsl:text> › </xsl:text>
      <a href="../{@index}"><xsl:value-of select="tt:register-title(@kind)"/></a>
    </nav>
    <h1><xsl:value-of select="@label"/></h1>
    <dl class="register-entry">
      <xsl:if test="@sort != @label">
        <dt>Sorted as</dt><dd><xsl:value-of select="@sort"/></dd>
      </xsl:if>
      <xsl:if test="variant">
        <dt>Also written</dt>
        <dd>
          <ul class="variants">
            <xsl:for-each select="variant">
              <li><xsl:if test="@lang"><xsl:attribute name="lang" select="@lang"/></xsl:if>
                <xsl:value-of select="."/></li>
            </xsl:for-each>
          </ul>
        </dd>
      </xsl:if>
      <xsl:for-each select="birth, death, floruit">
        <dt><xsl:value-of select="map {'birth': 'Born', 'death': 'Died',
                                       'floruit': 'Active'}(local-name())"/></dt>
        <dd><xsl:value-of select="."/></dd>
      </xsl:for-each>
      <xsl:if test="role">
        <dt>Roles</dt>
        <dd><xsl:value-of select="string-join(role, '; ')"/></dd>
      </xsl:if>
      <xsl:if test="geo"><dt>Coordinates</dt><dd><xsl:value-of select="geo"/></dd></xsl:if>
      <xsl:if test="authority">
        <dt>Authority records</dt>
        <dd>
          <ul class="authorities">
            <xsl:for-each select="authority">
              <li>
                <xsl:variable name="name" select="($authorities(@type), @type)[1]"/>
                <xsl:choose>
                  <xsl:when test="@href">
                    <a class="ext" href="{@href}"><xsl:value-of select="$name || ' ' || @id"/></a>
                  </xsl:when>
                  <xsl:otherwise><xsl:value-of select="$name || ' ' || @id"/></xsl:otherwise>
                </xsl:choose>
              </li>
            </xsl:for-each>
          </ul>
        </dd>
      </xsl:if>
      <xsl:if test="note"><dt>Note</dt><dd><xsl:value-of select="note"/></dd></xsl:if>
    </dl>
    <section class="mentions" aria-labelledby="mentioned-in">
      <h2 id="mentioned-in">Mentioned in</h2>
      <xsl:choose>
        <xsl:when test="doc">
          <ol class="mentions">
            <xsl:for-each select="doc">
              <li>
                <xsl:choose>
                  <xsl:when test="@date != ''">
                    <time datetime="{@date}"><xsl:value-of select="(@label[. != ''], @date)[1]"/></time>
                  </xsl:when>
                  <xsl:otherwise><span class="undated">undated</span></xsl:otherwise>
                </xsl:choose>
                <xsl:text> — </xsl:text>
                <a href="{@href}"><xsl:value-of select="."/></a>
              </li>
            </xsl:for-each>
          </ol>
        </xsl:when>
        <xsl:otherwise><p>No document of the edition points to this entry.</p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template match="letter-page" mode="tt:page">
    <nav class="breadcrumb" aria-label="Register"><a href="index.html">Registers</a></nav>
    <h1><xsl:value-of select="register/@title || ': ' || register/letter[@current]/@label"/></h1>
    <xsl:apply-templates select="register" mode="tt:letters"/>
    <ul class="register-index">
      <xsl:for-each select="item">
        <li>
          <a href="{@href}"><xsl:value-of select="@sort"/></a>
          <xsl:if test="@count != '0'">
            <span class="count"><xsl:value-of select="' (' || @count
                || (if (@count = '1') then ' document)' else ' documents)')"/></span>
          </xsl:if>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <xsl:template match="registers" mode="tt:page">
    <h1>Registers</h1>
    <xsl:for-each select="register">
      <section aria-labelledby="register-{@kind}">
        <h2 id="register-{@kind}">
          <xsl:value-of select="@title || ' (' || @count || ')'"/>
        </h2>
        <xsl:apply-templates select="." mode="tt:letters"/>
      </section>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="register" mode="tt:letters">
    <nav class="letters" aria-label="{@title} by letter">
      <ul>
        <xsl:for-each select="letter">
          <li>
            <a href="{@href}" title="{@count} entries">
              <xsl:if test="@current"><xsl:attribute name="aria-current" select="'page'"/></xsl:if>
              <xsl:value-of select="@label"/>
            </a>
          </li>
        </xsl:for-each>
      </ul>
    </nav>
  </xsl:template>

  <xsl:function name="tt:register-title" as="xs:string">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="map {'person': 'Persons', 'place': 'Places',
                               'org': 'Organisations'}($kind)"/>
  </xsl:function>
</xsl:stylesheet>
