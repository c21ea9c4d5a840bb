<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI P5 (house encoding, or any TEI) -> print HTML for WeasyPrint.

  One document becomes one <section class="document">: a title block with the metadata, then the
  body in the reading view (R) or the diplomatic view (D) of conventions.md. With fragment=true the
  section alone is written (the book concatenates sections); otherwise a complete HTML page.
  The CSS (print.css) is added by the Python writer, not linked here, so that WeasyPrint never has
  to fetch anything.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:p="urn:tei-tools:print"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:import href="meta.xsl"/>
  <xsl:import href="body.xsl"/>
  <xsl:import href="phrases.xsl"/>
  <xsl:import href="notes.xsl"/>
  <xsl:import href="persons.xsl"/>
  <xsl:import href="scholarly.xsl"/>

  <xsl:output method="xhtml" html-version="5" encoding="UTF-8" indent="no"
              omit-xml-declaration="yes"/>

  <xsl:param name="view" as="xs:string" select="'reading'"/>
  <xsl:param name="fragment" as="xs:boolean" select="false()"/>
  <xsl:param name="docid" as="xs:string" select="''"/>
  <xsl:param name="created" as="xs:string" select="''"/>
  <xsl:param name="edition-title" as="xs:string" select="''"/>
  <xsl:param name="edition-editors" as="xs:string" select="''"/>

  <xsl:variable name="p:d" as="xs:boolean" select="$view = 'diplomatic'" static="no"/>

  <xsl:template match="/">
    <xsl:variable name="tei" select="(//tei:TEI)[1]"/>
    <xsl:choose>
      <xsl:when test="empty($tei)">
        <xsl:message terminate="yes">PDF001: the root element is not a TEI P5 TEI element</xsl:message>
      </xsl:when>
      <xsl:when test="$fragment">
        <xsl:apply-templates select="$tei" mode="p:section"/>
      </xsl:when>
      <xsl:otherwise>
        <html lang="{($tei/@xml:lang, $tei/tei:text/@xml:lang,
                      $tei/tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language[1]/@ident,
                      'en')[normalize-space()][1]}">
          <head>
            <meta charset="utf-8"/>
            <title><xsl:value-of select="p:title($tei)"/></title>
            <meta name="author" content="{($edition-editors[. != ''], p:translator($tei),
                                            'tei-tools')[normalize-space()][1]}"/>
            <meta name="generator" content="tei-tools"/>
            <xsl:if test="$created != ''">
              <meta name="dcterms.created" content="{$created}"/>
              <meta name="dcterms.modified" content="{$created}"/>
            </xsl:if>
            <xsl:if test="p:summary($tei) != ''">
              <meta name="description" content="{p:summary($tei)}"/>
            </xsl:if>
          </head>
          <body class="single view-{$view}">
            <xsl:apply-templates select="$tei" mode="p:section"/>
          </body>
        </html>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:TEI" mode="p:section">
    <xsl:variable name="id" select="p:docid(.)"/>
    <section class="document view-{$view}" id="doc-{$id}" data-docid="{$id}">
      <xsl:apply-templates select="." mode="p:title-block"/>
      <div class="text">
        <xsl:apply-templates select="tei:text"/>
      </div>
    </section>
  </xsl:template>

  <!-- The id that names the document: house idno, TEI/@xml:id, or the parameter (file name).
       Examples outside any TEI document (the book's conventions) are "document". -->
  <!-- An id for an element, unique in its document: its position path (1-3-2…). Unlike
       generate-id() it does not depend on how many documents the processor has seen, so a
       document prints to the same bytes whatever was printed before it in the process. -->
  <xsl:function name="p:path-id" as="xs:string">
    <xsl:param name="e" as="node()"/>
    <xsl:sequence select="string-join($e/ancestor-or-self::* ! string(count(preceding-sibling::*)
                          + 1), '-')"/>
  </xsl:function>

  <xsl:function name="p:docid" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)?"/>
    <xsl:sequence select="replace((
        $docid[. != ''],
        $tei/tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:idno[@type = 'tei-tools'],
        $tei/@xml:id, 'document')[normalize-space()][1], '[^A-Za-z0-9_.\-]', '-')"/>
  </xsl:function>

</xsl:stylesheet>
