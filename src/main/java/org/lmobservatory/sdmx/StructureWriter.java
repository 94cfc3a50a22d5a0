package org.lmobservatory.sdmx;

import org.lmobservatory.catalogue.Code;
import org.lmobservatory.catalogue.Codelist;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Dimension;
import org.lmobservatory.formats.SdmxMlDataWriter;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an SDMX-ML 2.1 structure message (message:Structure) with the JDK's StAX writer: dataflows, codelists, one
 * concept scheme (CS_LMO: the dimensions and the SDMX concepts we use) and data structures, in the order the 2.1 schema
 * gives them. Every artefact is maintained by agency LMO at version 1.0; a dataflow and its data structure share the
 * dataset's id.
 */
final class StructureWriter {
    static final String STRUCTURE = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure";
    static final String CONCEPT_SCHEME = "CS_LMO";
    private static final String MESSAGE = SdmxMlDataWriter.MESSAGE;
    private static final String COMMON = SdmxMlDataWriter.COMMON;
    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();
    /** The SDMX cross-domain concepts of our observations and series, after the dimensions' own. */
    private static final Map<String, String> SDMX_CONCEPTS = sdmxConcepts();

    private final XMLStreamWriter xml;

    private StructureWriter(XMLStreamWriter xml) {
        this.xml = xml;
    }

    static void write(StructureMessage message, OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out, "UTF-8");
            new StructureWriter(xml).message(message);
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("writing an SDMX-ML structure message: " + e.getMessage(), e);
        }
    }

    private void message(StructureMessage m) throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.setPrefix("message", MESSAGE);
        xml.setPrefix("structure", STRUCTURE);
        xml.setPrefix("common", COMMON);
        xml.writeStartElement(MESSAGE, "Structure");
        xml.writeNamespace("message", MESSAGE);
        xml.writeNamespace("structure", STRUCTURE);
        xml.writeNamespace("common", COMMON);
        xml.writeStartElement(MESSAGE, "Header");
        text(MESSAGE, "ID", "LMO-STRUCTURE");
        text(MESSAGE, "Test", "false");
        text(MESSAGE, "Prepared", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        xml.writeEmptyElement(MESSAGE, "Sender");
        xml.writeAttribute("id", SdmxIds.AGENCY);
        xml.writeEndElement();
        xml.writeStartElement(MESSAGE, "Structures");
        if (!m.dataflows().isEmpty()) {
            xml.writeStartElement(STRUCTURE, "Dataflows");
            for (Dataset d : m.dataflows()) dataflow(d);
            xml.writeEndElement();
        }
        if (!m.codelists().isEmpty()) {
            xml.writeStartElement(STRUCTURE, "Codelists");
            for (Codelist c : m.codelists()) codelist(c);
            xml.writeEndElement();
        }
        if (m.concepts() && !m.dataStructures().isEmpty()) conceptScheme(m.dataStructures());
        if (!m.dataStructures().isEmpty()) {
            xml.writeStartElement(STRUCTURE, "DataStructures");
            for (Dataset d : m.dataStructures()) dataStructure(d);
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndDocument();
    }

    private void dataflow(Dataset d) throws XMLStreamException {
        maintainable("Dataflow", "datastructure.Dataflow", d.id());
        names(d.title(), d.id());
        if (d.description() != null && !d.description().isEmpty()) {
            for (Map.Entry<String, String> e : d.description().entrySet()) localized("Description", e.getKey(), e.getValue());
        }
        xml.writeStartElement(STRUCTURE, "Structure");
        ref(d.id(), "datastructure", "DataStructure");
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void codelist(Codelist c) throws XMLStreamException {
        maintainable("Codelist", "codelist.Codelist", c.id());
        names(c.title(), c.id());
        for (Code code : c.codes()) {
            xml.writeStartElement(STRUCTURE, "Code");
            xml.writeAttribute("id", code.id());
            xml.writeAttribute("urn", SdmxIds.urn("codelist.Code", c.id()) + "." + code.id());
            names(code.labels(), code.id());
            if (code.parent() != null && c.contains(code.parent())) {
                xml.writeStartElement(STRUCTURE, "Parent");
                xml.writeEmptyElement("Ref");
                xml.writeAttribute("id", code.parent());
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private void conceptScheme(List<Dataset> datasets) throws XMLStreamException {
        Map<String, Map<String, String>> concepts = new LinkedHashMap<>();
        for (Dataset d : datasets) for (Dimension dim : d.dimensions()) concepts.putIfAbsent(dim.id(), dim.label());
        SDMX_CONCEPTS.forEach((id, name) -> concepts.putIfAbsent(id, Map.of("en", name)));
        xml.writeStartElement(STRUCTURE, "Concepts");
        maintainable("ConceptScheme", "conceptscheme.ConceptScheme", CONCEPT_SCHEME);
        names(Map.of("en", "Concepts of the Labour Market Observatory"), CONCEPT_SCHEME);
        for (Map.Entry<String, Map<String, String>> c : concepts.entrySet()) {
            xml.writeStartElement(STRUCTURE, "Concept");
            xml.writeAttribute("id", c.getKey());
            xml.writeAttribute("urn", SdmxIds.urn("conceptscheme.Concept", CONCEPT_SCHEME) + "." + c.getKey());
            names(c.getValue(), c.getKey());
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void dataStructure(Dataset d) throws XMLStreamException {
        maintainable("DataStructure", "datastructure.DataStructure", d.id());
        names(d.title(), d.id());
        xml.writeStartElement(STRUCTURE, "DataStructureComponents");
        xml.writeStartElement(STRUCTURE, "DimensionList");
        xml.writeAttribute("id", "DimensionDescriptor");
        for (Dimension dim : d.dimensions()) {
            xml.writeStartElement(STRUCTURE, "Dimension");
            xml.writeAttribute("id", dim.id());
            xml.writeAttribute("position", Integer.toString(dim.position() + 1));
            conceptIdentity(dim.id());
            xml.writeStartElement(STRUCTURE, "LocalRepresentation");
            xml.writeStartElement(STRUCTURE, "Enumeration");
            ref(dim.codelistId(), "codelist", "Codelist");
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeStartElement(STRUCTURE, "TimeDimension");
        xml.writeAttribute("id", SdmxIds.TIME_PERIOD);
        xml.writeAttribute("position", Integer.toString(d.dimensions().size() + 1));
        conceptIdentity(SdmxIds.TIME_PERIOD);
        textFormat("ObservationalTimePeriod");
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeStartElement(STRUCTURE, "AttributeList");
        xml.writeAttribute("id", "AttributeDescriptor");
        // Units belong to a series (a measure dimension gives each measure its own), flags and confidentiality to a cell.
        attribute("UNIT_MEASURE", "Mandatory", d, true);
        attribute("UNIT_MULT", "Mandatory", d, true);
        attribute("OBS_STATUS", "Conditional", d, false);
        attribute("CONF_STATUS", "Conditional", d, false);
        xml.writeEndElement();
        xml.writeStartElement(STRUCTURE, "MeasureList");
        xml.writeAttribute("id", "MeasureDescriptor");
        xml.writeStartElement(STRUCTURE, "PrimaryMeasure");
        xml.writeAttribute("id", SdmxIds.OBS_VALUE);
        conceptIdentity(SdmxIds.OBS_VALUE);
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void attribute(String id, String assignment, Dataset d, boolean series) throws XMLStreamException {
        xml.writeStartElement(STRUCTURE, "Attribute");
        xml.writeAttribute("id", id);
        xml.writeAttribute("assignmentStatus", assignment);
        conceptIdentity(id);
        textFormat(id.equals("UNIT_MULT") ? "Integer" : "String");
        xml.writeStartElement(STRUCTURE, "AttributeRelationship");
        if (series) {
            for (Dimension dim : d.dimensions()) {
                xml.writeStartElement(STRUCTURE, "Dimension");
                xml.writeEmptyElement("Ref");
                xml.writeAttribute("id", dim.id());
                xml.writeEndElement();
            }
        } else {
            xml.writeStartElement(STRUCTURE, "PrimaryMeasure");
            xml.writeEmptyElement("Ref");
            xml.writeAttribute("id", SdmxIds.OBS_VALUE);
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void textFormat(String type) throws XMLStreamException {
        xml.writeStartElement(STRUCTURE, "LocalRepresentation");
        xml.writeEmptyElement(STRUCTURE, "TextFormat");
        xml.writeAttribute("textType", type);
        xml.writeEndElement();
    }

    private void conceptIdentity(String concept) throws XMLStreamException {
        xml.writeStartElement(STRUCTURE, "ConceptIdentity");
        xml.writeEmptyElement("Ref");
        xml.writeAttribute("id", concept);
        xml.writeAttribute("maintainableParentID", CONCEPT_SCHEME);
        xml.writeAttribute("maintainableParentVersion", SdmxIds.VERSION);
        xml.writeAttribute("agencyID", SdmxIds.AGENCY);
        xml.writeAttribute("package", "conceptscheme");
        xml.writeAttribute("class", "Concept");
        xml.writeEndElement();
    }

    /** A reference to a maintainable artefact of ours (Ref elements are unqualified in SDMX-ML 2.1). */
    private void ref(String id, String pkg, String cls) throws XMLStreamException {
        xml.writeEmptyElement("Ref");
        xml.writeAttribute("id", id);
        xml.writeAttribute("version", SdmxIds.VERSION);
        xml.writeAttribute("agencyID", SdmxIds.AGENCY);
        xml.writeAttribute("package", pkg);
        xml.writeAttribute("class", cls);
    }

    private void maintainable(String element, String urnClass, String id) throws XMLStreamException {
        xml.writeStartElement(STRUCTURE, element);
        xml.writeAttribute("id", id);
        xml.writeAttribute("urn", SdmxIds.urn(urnClass, id));
        xml.writeAttribute("agencyID", SdmxIds.AGENCY);
        xml.writeAttribute("version", SdmxIds.VERSION);
        xml.writeAttribute("isFinal", "true");
    }

    /** common:Name in every language we have; the schema requires one, so the id stands in when there is none. */
    private void names(Map<String, String> names, String fallback) throws XMLStreamException {
        if (names == null || names.isEmpty()) {
            localized("Name", "en", fallback);
            return;
        }
        for (Map.Entry<String, String> e : names.entrySet()) localized("Name", e.getKey(), e.getValue());
    }

    private void localized(String element, String lang, String text) throws XMLStreamException {
        xml.writeStartElement(COMMON, element);
        xml.writeAttribute("xml", XML_NS, "lang", lang);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private void text(String ns, String name, String text) throws XMLStreamException {
        xml.writeStartElement(ns, name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static Map<String, String> sdmxConcepts() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(SdmxIds.TIME_PERIOD, "Time period");
        m.put(SdmxIds.OBS_VALUE, "Observation value");
        m.put("OBS_STATUS", "Observation status (Eurostat flag letters, one or more: p provisional, e estimated, b break, c confidential, m missing, u low reliability, d definition differs)");
        m.put("CONF_STATUS", "Confidentiality status (F free, C primary, D secondary)");
        m.put("UNIT_MEASURE", "Unit of measure");
        m.put("UNIT_MULT", "Unit multiplier (power of 10)");
        return m;
    }
}
