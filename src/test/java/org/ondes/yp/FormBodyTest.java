package org.ondes.yp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The raw split below the cleaning, where a lost or extra CR/LF is still visible. */
class FormBodyTest {

    private static FormBody form(String wire) {
        return FormBody.parse(wire.replace("\\r", "\r").replace("\\n", "\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Renders every segment as name=value (params) or [key-only], with CR/LF made visible. */
    private static String render(FormBody f) {
        String params = f.params().stream().map(p -> p.name() + "=" + p.value()).collect(Collectors.joining("&"));
        String keyOnly = f.keyOnly().stream().map(k -> "[" + k + "]").collect(Collectors.joining());
        return (params + keyOnly).replace("\r", "\\r").replace("\n", "\\n");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "a=1\\r\\n                  | a=1",
            "a=1\\n                     | a=1",
            "a=1\\r\\n\\r\\n            | a=1\\r\\n",
            "a=1\\n\\r                  | a=1\\n\\r",
            "a=1&\\r\\n                 | a=1",
            "&&a=1&&b=&                 | a=1&b=",
            "x%3d1%3by%3d2\\r\\n        | [x=1;y=2]",
            "Sn=A&SN=B&=c               | sn=A&sn=B",
            "k=v=w&%41=%2b+             | 'k=v=w&a=+ '"})
    void splitsOnAmpersandAfterStrippingOneTrailingNewline(String wire, String expected) {
        assertEquals(expected, render(form(wire)));
    }

    @ParameterizedTest
    @CsvSource({"sn=A&sn=B, A", "SN=A&sn=B, A", "x=1, ''"})
    void getReturnsFirstValueByLowerCaseName(String wire, String expected) {
        assertEquals(expected.isEmpty() ? null : expected, form(wire).get("sn"));
    }

    @ParameterizedTest
    @CsvSource({"''", "'\\r\\n'", "&"})
    void emptyInputHasNoSegments(String wire) {
        FormBody f = form(wire);
        assertEquals(List.of(), f.params());
        assertEquals(List.of(), f.keyOnly());
    }
}
