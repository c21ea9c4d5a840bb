<?xml version="1.0" encoding="UTF-8"?>
<!--
  The document's date for the summaries (tei_tools/writers/web/summary.py): three lines, the ISO
  value, the date as written, and where it was found. Only a wrapper: the rules are in dates.xsl.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tt="urn:tei-tools"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">
  <xsl:import href="dates.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:variable name="date" select="tt:date-element(/*)"/>
    <xsl:value-of select="string(tt:iso($date)), tt:date-text($date), tt:date-source($date)"
                  separator="&#10;"/>
  </xsl:template>
</xsl:stylesheet>
