package org.ondes.catalog.export;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reads exports back with the JDK's own XML parser, the way a strict client would. */
final class XmlDocs {
    static final List<String> YP_ELEMENTS = List.of("server_name", "listen_url", "server_type", "bitrate", "channels",
            "samplerate", "genre", "current_song");
    static final String XSPF_NS = "http://xspf.org/ns/0/";

    private XmlDocs() {
    }

    /** Parses without DTDs or external entities; a parse failure means the document is not well-formed. */
    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    /** yp.xml entries by listen URL; asserts the root and that every entry has exactly the eight elements in order. */
    static Map<String, Map<String, String>> ypEntries(byte[] xml) throws Exception {
        Element root = parse(xml).getDocumentElement();
        assertEquals("directory", root.getTagName());
        Map<String, Map<String, String>> entries = new LinkedHashMap<>();
        for (Element entry : children(root)) {
            assertEquals("entry", entry.getTagName());
            List<Element> fields = children(entry);
            assertEquals(YP_ELEMENTS, fields.stream().map(Element::getTagName).toList());
            Map<String, String> values = new LinkedHashMap<>();
            fields.forEach(e -> values.put(e.getTagName(), e.getTextContent()));
            entries.put(values.get("listen_url"), values);
        }
        return entries;
    }

    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /** Texts of the XSPF elements with this local name, in document order. */
    static List<String> xspfTexts(Element root, String name) {
        List<String> out = new ArrayList<>();
        NodeList nodes = root.getElementsByTagNameNS(XSPF_NS, name);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }
}
