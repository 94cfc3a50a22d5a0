package org.lmobservatory.formats;

import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Dimension;
import org.lmobservatory.catalogue.Unit;
import org.lmobservatory.observations.ObservationResult;
import org.lmobservatory.observations.ObservationRow;
import org.lmobservatory.observations.OutputFormat;
import org.lmobservatory.observations.SeriesKey;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;

/**
 * SDMX-ML 2.1 data messages of the dataflow LMO:{dataset}(1.0), time at the observation level: GenericData
 * (generic:Series with SeriesKey, Attributes and Obs) or StructureSpecificData (attributes named after the dimensions
 * and attributes of the data structure at /sdmx/2.1/datastructure). Series attributes UNIT_MEASURE and UNIT_MULT;
 * observation attributes OBS_STATUS (Eurostat flag letters) and CONF_STATUS (releases under disclosure control). A
 * confidential or missing cell has no value: its value is NaN (as SDMX-ML providers write it), so that clients keep
 * the cell and its status rather than dropping it. Written with the JDK's StAX writer, which escapes.
 */
public final class SdmxMlDataWriter implements ObservationWriter {
    public static final String MESSAGE = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message";
    public static final String COMMON = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common";
    static final String GENERIC = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/generic";
    static final String STRUCTURE_SPECIFIC = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/structurespecific";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private final boolean generic;

    /** generic: GenericData; otherwise StructureSpecificData. */
    public SdmxMlDataWriter(boolean generic) {
        this.generic = generic;
    }

    @Override
    public String contentType() {
        return (generic ? OutputFormat.SDMX_GENERIC_DATA : OutputFormat.SDMX_STRUCTURE_SPECIFIC_DATA).contentType();
    }

    @Override
    public void write(ObservationResult result, OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out, "UTF-8");
            write(result, xml);
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("writing SDMX-ML: " + e.getMessage(), e);
        }
    }

    private void write(ObservationResult result, XMLStreamWriter xml) throws XMLStreamException {
        Dataset dataset = result.query().dataset();
        String structureId = CsvTable.SDMX_AGENCY + "_" + dataset.id() + "_" + CsvTable.SDMX_VERSION.replace('.', '_');
        String dsdUrn = "urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure=" + CsvTable.sdmxStructureId(dataset);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.setPrefix("message", MESSAGE);
        xml.setPrefix("common", COMMON);
        xml.writeStartElement(MESSAGE, generic ? "GenericData" : "StructureSpecificData");
        xml.writeNamespace("message", MESSAGE);
        xml.writeNamespace("common", COMMON);
        if (generic) {
            xml.setPrefix("generic", GENERIC);
            xml.writeNamespace("generic", GENERIC);
        } else {
            xml.setPrefix("ss", STRUCTURE_SPECIFIC);
            xml.setPrefix("xsi", XSI);
            xml.setPrefix("ns1", dsdUrn + ":ObsLevelDim:TIME_PERIOD");
            xml.writeNamespace("ss", STRUCTURE_SPECIFIC);
            xml.writeNamespace("xsi", XSI);
            xml.writeNamespace("ns1", dsdUrn + ":ObsLevelDim:TIME_PERIOD");
        }
        header(xml, dataset, structureId, result);
        xml.writeStartElement(MESSAGE, "DataSet");
        if (generic) {
            xml.writeAttribute("structureRef", structureId);
        } else {
            xml.writeAttribute(STRUCTURE_SPECIFIC, "structureRef", structureId);
            xml.writeAttribute(STRUCTURE_SPECIFIC, "dataScope", "DataStructure");
            xml.writeAttribute(XSI, "type", "ns1:DataSetType");
        }
        series(xml, result);
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndDocument();
    }

    private void header(XMLStreamWriter xml, Dataset dataset, String structureId, ObservationResult result) throws XMLStreamException {
        xml.writeStartElement(MESSAGE, "Header");
        text(xml, MESSAGE, "ID", "LMO-" + dataset.id() + "-release-" + result.release().id());
        text(xml, MESSAGE, "Test", "false");
        text(xml, MESSAGE, "Prepared", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        xml.writeEmptyElement(MESSAGE, "Sender");
        xml.writeAttribute("id", CsvTable.SDMX_AGENCY);
        xml.writeStartElement(MESSAGE, "Structure");
        xml.writeAttribute("structureID", structureId);
        if (!generic) {
            xml.writeAttribute("namespace", "urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure="
                    + CsvTable.sdmxStructureId(dataset) + ":ObsLevelDim:TIME_PERIOD");
        }
        xml.writeAttribute("dimensionAtObservation", "TIME_PERIOD");
        xml.writeStartElement(COMMON, "Structure");
        xml.writeEmptyElement("Ref");
        xml.writeAttribute("agencyID", CsvTable.SDMX_AGENCY);
        xml.writeAttribute("id", dataset.id());
        xml.writeAttribute("version", CsvTable.SDMX_VERSION);
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** Rows arrive grouped by series, in series order: a series element opens at the first row of each. */
    private void series(XMLStreamWriter xml, ObservationResult result) throws XMLStreamException {
        RowCells cells = new RowCells(result.query());
        Dataset dataset = result.query().dataset();
        int open = -1;
        Iterator<ObservationRow> rows = result.rows().iterator();
        while (rows.hasNext()) {
            ObservationRow row = rows.next();
            SeriesKey key = result.series().get(row.seriesIndex());
            if (row.seriesIndex() != open) {
                if (open >= 0) xml.writeEndElement();
                startSeries(xml, dataset, key, cells.unit(key));
                open = row.seriesIndex();
            }
            String code = cells.categoryCode(key, row);
            String value = code != null ? code : row.value() == null ? "NaN" : row.value().toPlainString();
            String period = dataset.frequency().label(row.periodStart());
            if (generic) genericObs(xml, period, value, row);
            else structureSpecificObs(xml, period, value, row);
        }
        if (open >= 0) xml.writeEndElement();
    }

    private void startSeries(XMLStreamWriter xml, Dataset dataset, SeriesKey key, Unit unit) throws XMLStreamException {
        if (!generic) {
            xml.writeStartElement("Series");
            for (Dimension d : dataset.dimensions()) xml.writeAttribute(d.id(), key.codes().get(d.position()));
            xml.writeAttribute("UNIT_MEASURE", unit.id());
            xml.writeAttribute("UNIT_MULT", Integer.toString(unit.multiplier()));
            return;
        }
        xml.writeStartElement(GENERIC, "Series");
        xml.writeStartElement(GENERIC, "SeriesKey");
        for (Dimension d : dataset.dimensions()) value(xml, d.id(), key.codes().get(d.position()));
        xml.writeEndElement();
        xml.writeStartElement(GENERIC, "Attributes");
        value(xml, "UNIT_MEASURE", unit.id());
        value(xml, "UNIT_MULT", Integer.toString(unit.multiplier()));
        xml.writeEndElement();
    }

    private static void genericObs(XMLStreamWriter xml, String period, String value, ObservationRow row) throws XMLStreamException {
        xml.writeStartElement(GENERIC, "Obs");
        xml.writeEmptyElement(GENERIC, "ObsDimension");
        xml.writeAttribute("value", period);
        xml.writeEmptyElement(GENERIC, "ObsValue");
        xml.writeAttribute("value", value);
        boolean flags = row.flags() != null && !row.flags().isEmpty();
        if (flags || row.confStatus() != null) {
            xml.writeStartElement(GENERIC, "Attributes");
            if (flags) value(xml, "OBS_STATUS", row.flags());
            if (row.confStatus() != null) value(xml, "CONF_STATUS", row.confStatus());
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void structureSpecificObs(XMLStreamWriter xml, String period, String value, ObservationRow row) throws XMLStreamException {
        xml.writeEmptyElement("Obs");
        xml.writeAttribute("TIME_PERIOD", period);
        xml.writeAttribute("OBS_VALUE", value);
        if (row.flags() != null && !row.flags().isEmpty()) xml.writeAttribute("OBS_STATUS", row.flags());
        if (row.confStatus() != null) xml.writeAttribute("CONF_STATUS", row.confStatus());
    }

    private static void value(XMLStreamWriter xml, String id, String value) throws XMLStreamException {
        xml.writeEmptyElement(GENERIC, "Value");
        xml.writeAttribute("id", id);
        xml.writeAttribute("value", value);
    }

    private static void text(XMLStreamWriter xml, String ns, String name, String text) throws XMLStreamException {
        xml.writeStartElement(ns, name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
