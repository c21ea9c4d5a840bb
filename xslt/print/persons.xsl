<?xml version="1.0" encoding="UTF-8"?>
<!--
  Anchors for the index of persons. The house encoding tags few names (conventions.md §0), so the
  index is drawn from the places where a person is part of the structure: speakers (sp/@who and the
  standOff person list), signers (closer/signed//persName), distribution-list items (untagged text,
  split and filtered here), and any persName that points to a person list with @ref/@corresp.

  Each occurrence becomes an empty <a class="ix" id="…" data-ix="display name"
  data-ix-sort="key">; the Python writer reads the page of every anchor after layout.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:p="urn:tei-tools:print"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:variable name="p:honorific" as="xs:string"
      select="'^((Cdes?\.?|Comrades?|Vice Premier|Premier|Chairman|Ambassador|The|Mr\.|Mrs\.|Ms\.|Dr\.|Messrs\.)\s+)+'"/>
  <!-- Words that make a distribution-list piece an office or a file, not a person. -->
  <xsl:variable name="p:not-person" as="xs:string*" select="('file', 'files', 'archive', 'addressee',
      'department', 'directorate', 'ministry', 'minister', 'embassy', 'committee', 'section',
      'sector', 'secretariat', 'office', 'cc', 'mfa', 'presidium', 'politburo', 'division',
      'deputy', 'chief', 'head', 'copy', 'copies', 'each', 'registry', 'group', 'bureau')"/>

  <!-- A speaker called only by an office ("The Ambassador:") is not a person to index. -->
  <xsl:variable name="p:roles" as="xs:string*" select="('ambassador', 'chairman', 'premier',
      'minister', 'secretary', 'counselor', 'counsellor', 'comrade', 'president', 'consul',
      'attaché', 'chargé', 'interpreter', 'translator', 'recorder', 'delegate', 'speaker',
      'general', 'colonel', 'director', 'deputy', 'chief', 'head', 'side', 'delegation')"/>

  <xsl:function name="p:index-anchor" as="element()*">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="docid" select="p:docid($e/ancestor::tei:TEI[1])"/>
    <xsl:for-each select="p:persons-of($e)[not(every $w in tokenize(lower-case(.), '[\s,.]+')
                          [. != ''] satisfies $w = ($p:roles, 'the', 'of', 'vice'))]">
      <a class="ix" id="ix-{$docid}-{p:path-id($e)}-{position()}" data-ix="{.}"
         data-ix-sort="{p:sort-key(.)}"/>
    </xsl:for-each>
  </xsl:function>

  <xsl:function name="p:persons-of" as="xs:string*">
    <xsl:param name="e" as="element()"/>
    <xsl:choose>
      <xsl:when test="$e/self::tei:speaker">
        <xsl:variable name="id" select="substring-after($e/../@who, '#')"/>
        <xsl:variable name="listed" select="($e/ancestor::tei:TEI//tei:person[@xml:id = $id]
                                             /tei:persName)[1]"/>
        <xsl:sequence select="p:display-name(if ($listed) then string($listed) else
            replace(replace(string-join($e/(text() | tei:persName), ''),
                            '\(to be abbreviated as [^)]*\)', ''), '[:.]\s*$', ''))"/>
      </xsl:when>
      <xsl:when test="$e/self::tei:item">
        <xsl:variable name="text" select="normalize-space(string-join(
            $e//text()[not(ancestor::tei:note intersect $e//tei:note)], ''))"/>
        <xsl:for-each select="tokenize(replace($text, '\([^)]*\)', ''), '\s*[,;]\s*|\s+and\s+')">
          <xsl:variable name="piece" select="replace(replace(., '\s*[-–—]\s*(\d.*|file)$', ''),
                                              '\s*\d+\s*$', '')"/>
          <xsl:if test="p:looks-like-person($piece)">
            <xsl:sequence select="p:display-name($piece)"/>
          </xsl:if>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="p:display-name(string($e))"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="p:looks-like-person" as="xs:boolean">
    <xsl:param name="piece" as="xs:string"/>
    <xsl:variable name="bare" select="normalize-space(replace(normalize-space($piece),
                                      $p:honorific, ''))"/>
    <xsl:variable name="words" select="tokenize($bare, '\s+')"/>
    <xsl:sequence select="matches($bare, '^\p{Lu}[\p{L}.''’\- ]*$')
        and count($words) le 4
        and not(some $w in $words satisfies lower-case(replace($w, '\W', '')) = $p:not-person)"/>
  </xsl:function>

  <!-- "Cde. A. M. PUZANOV" -> "Puzanov, A. M." -->
  <xsl:function name="p:display-name" as="xs:string?">
    <xsl:param name="raw" as="xs:string"/>
    <xsl:variable name="bare" select="normalize-space(replace(replace(normalize-space($raw),
        $p:honorific, ''), '^[(/\s]+|[)/,:\s]+$', ''))"/>
    <xsl:variable name="cased" select="string-join(for $w in tokenize($bare, ' ') return
        if (matches($w, '^\p{Lu}[\p{Lu}''’\-]+$') and string-length($w) gt 1)
        then substring($w, 1, 1) || lower-case(substring($w, 2)) else $w, ' ')"/>
    <xsl:variable name="turned" select="if (matches($cased, '^(\p{Lu}\.\s*)+\p{Lu}\p{L}'))
        then replace($cased, '^((\p{Lu}\.\s*)+)(.+)$', '$3, $1') else $cased"/>
    <xsl:sequence select="normalize-space($turned)[. != '']"/>
  </xsl:function>

  <xsl:function name="p:sort-key" as="xs:string">
    <xsl:param name="name" as="xs:string"/>
    <xsl:sequence select="lower-case(replace(normalize-unicode($name, 'NFKD'), '\p{M}', ''))"/>
  </xsl:function>

  <!-- persName pointing to a person list (real TEI, or later register-driven house TEI). -->
  <xsl:template match="tei:body//tei:persName[@ref or @corresp][not(ancestor::tei:signed)]"
                priority="2">
    <xsl:variable name="id" select="substring-after(tokenize((@ref, @corresp)[1], '\s+')[1], '#')"/>
    <xsl:variable name="listed" select="(ancestor::tei:TEI//tei:person[@xml:id = $id]
                                         /tei:persName)[1]"/>
    <span class="persName">
      <xsl:if test="$listed">
        <xsl:variable name="docid" select="p:docid(ancestor::tei:TEI[1])"/>
        <a class="ix" id="ix-{$docid}-{p:path-id(.)}-1" data-ix="{p:display-name(string($listed))}"
           data-ix-sort="{p:sort-key(p:display-name(string($listed)))}"/>
      </xsl:if>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

</xsl:stylesheet>
