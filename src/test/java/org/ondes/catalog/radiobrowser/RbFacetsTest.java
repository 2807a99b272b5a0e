package org.ondes.catalog.radiobrowser;

import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.ondes.catalog.CatalogFacet;
import org.ondes.web.ProblemException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RbFacetsTest {
    private static final List<CatalogFacet> FACETS = List.of(new CatalogFacet("rock", 5), new CatalogFacet("Jazz", 2),
            new CatalogFacet("ambient", 2), new CatalogFacet("live", 1));

    private static List<String> names(String query) {
        return RbFacets.list(FACETS, RbParameters.of(HttpRequest.GET("/json/tags?" + query).getParameters(), null, null))
                .stream().map(RbTag::name).toList();
    }

    @Test
    void defaultIsByNameLikeRadioBrowser() {
        assertEquals(List.of("ambient", "Jazz", "live", "rock"), names(""));
        assertEquals(List.of("rock", "live", "Jazz", "ambient"), names("reverse=true"));
    }

    @Test
    void stationcountOrdersByCountThenName() {
        assertEquals(List.of("live", "ambient", "Jazz", "rock"), names("order=stationcount"));
        assertEquals(List.of("rock", "Jazz", "ambient", "live"), names("order=stationcount&reverse=true"));
    }

    @Test
    void offsetAndLimitCut() {
        assertEquals(List.of("Jazz", "live"), names("offset=1&limit=2"));
        assertEquals(List.of(), names("limit=0"));
        assertEquals(List.of(), names("offset=10"));
    }

    @Test
    void otherOrdersAndMalformedNumbersAreRefused() {
        ProblemException e = assertThrows(ProblemException.class, () -> names("order=votes"));
        assertEquals("order", e.errors().get(0).name());
        assertEquals("limit", assertThrows(ProblemException.class, () -> names("limit=-1")).errors().get(0).name());
    }
}
