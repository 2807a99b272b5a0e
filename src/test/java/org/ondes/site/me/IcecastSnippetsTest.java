package org.ondes.site.me;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tokens page offers the same icecast.xml blocks as docs/icecast.md and icecast-samples/. */
class IcecastSnippetsTest {
    static final String DOCUMENTED_URL = "https://ondes.example.org/api/icecast/yp/YOUR_TOKEN";

    @Test
    void theBlocksAreTheDocumentedOnes() throws IOException {
        String docs = unindented(Files.readString(Path.of("docs/icecast.md")));
        assertTrue(docs.contains(unindented(IcecastSnippets.icecast24(DOCUMENTED_URL))), IcecastSnippets.icecast24(DOCUMENTED_URL));
        assertTrue(docs.contains(unindented(IcecastSnippets.icecast25(DOCUMENTED_URL))), IcecastSnippets.icecast25(DOCUMENTED_URL));
        String sample24 = unindented(Files.readString(Path.of("icecast-samples/icecast-2.4-directory.xml")));
        assertTrue(sample24.contains("<yp-url-timeout>" + IcecastSnippets.TIMEOUT_SECONDS + "</yp-url-timeout>"));
        String sample25 = unindented(Files.readString(Path.of("icecast-samples/icecast-2.5-yp-directory.xml")));
        assertTrue(sample25.contains("<option name=\"timeout\" value=\"" + IcecastSnippets.TIMEOUT_SECONDS + "\"/>"));
    }

    @Test
    void theUrlIsWrittenAsXml() {
        assertEquals("<yp-directory url=\"https://x.example/a?b=1&amp;c=&quot;\">\n    <option name=\"timeout\" value=\"5\"/>\n"
                + "</yp-directory>", IcecastSnippets.icecast25("https://x.example/a?b=1&c=\""));
        assertTrue(IcecastSnippets.icecast24("https://x.example/<t>").contains("<yp-url>https://x.example/&lt;t&gt;</yp-url>"));
    }

    /** Each line without its indentation or trailing comment, so the blocks compare whatever surrounds them. */
    private static String unindented(String text) {
        return Arrays.stream(text.split("\n")).map(l -> l.replaceAll("\\s*<!--.*-->\\s*$", "").strip())
                .collect(Collectors.joining("\n"));
    }
}
