package org.ondes.site.moderation;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.ondes.accounts.Role;
import org.ondes.federation.follows.Followers;
import org.ondes.moderation.FederationModeration;
import org.ondes.site.PageMeta;
import org.ondes.site.PageTemplates;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FederationPagesTest {
    static final Instant T = Instant.parse("2026-11-21T10:15:30Z");
    static final PageMeta META = PageMeta.of("Federation · Ondes", "", "http://x/moderation/federation", "website");
    static final String HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>";

    private static FederationPage page(boolean admin, FederationPage.Errors errors, FederationPage.Typed typed) {
        List<FederationModeration.FollowView> following = List.of(
                new FederationModeration.FollowView(7, "@" + HOSTILE + "@evil.example",
                        "https://Evil.Example:8443/users/\"><b>x</b>", "accepted", "root", T, T.plusSeconds(60)),
                new FederationModeration.FollowView(8, "ondes.example.org", "https://ondes.example.org/actor",
                        "pending", "root", T, T));
        List<FederationModeration.FollowerView> followers = List.of(
                new FederationModeration.FollowerView("https://peer.example/actor?n=" + HOSTILE, true, T));
        List<FederationModeration.BlockView> blocks = List.of(
                new FederationModeration.BlockView("spam.example", "sends " + HOSTILE, "mod_anna", T));
        return FederationPages.build(META, admin, "followed", following, followers,
                new Followers.StationFollows(12, 9), blocks, errors, typed);
    }

    private static Document render(FederationPage page, Role role) {
        return Jsoup.parse(PageTemplates.render("moderation-federation", "moderation", page,
                PageTemplates.viewer("someone", role)));
    }

    @Test
    void hostileActorUrlsTargetsAndReasonsAreShownAsTextNeverAsMarkup() {
        Document doc = render(page(true, FederationPage.Errors.NONE, FederationPage.Typed.EMPTY), Role.ADMIN);
        assertTrue(doc.select("main script, main img, main b").isEmpty(), doc.select("main").html());
        Element follow = doc.selectFirst("[data-following] li[data-follow-id=7]");
        assertEquals("evil.example:8443", follow.select("[data-follow-host]").text());
        assertEquals("ondes.example.org", doc.select("li[data-follow-id=8] [data-follow-host]").text());
        assertEquals("https://Evil.Example:8443/users/\"><b>x</b>", follow.select("[data-follow-actor]").text());
        assertEquals("@" + HOSTILE + "@evil.example", follow.select("[data-follow-target]").text());
        assertEquals("Accepted", follow.select("[data-follow-state]").text());
        assertEquals("2026-11-21 10:16 UTC", follow.select("time").text(), "since it was accepted");
        assertEquals("/moderation/federation/following/7/delete", follow.selectFirst("form").attr("action"));
        assertEquals("Pending", doc.select("li[data-follow-id=8] [data-follow-state]").text());
        assertEquals("https://peer.example/actor?n=" + HOSTILE, doc.select("[data-follower-actor]").text());
        assertEquals("peer.example", doc.select("[data-follower-host]").text());
        assertEquals("sends " + HOSTILE, doc.select("[data-block-reason]").text());
        assertEquals("12 follows of stations, from 9 accounts.", doc.select("[data-station-follows]").text());
        assertEquals("Follow sent. It shows as accepted once the other instance answers.",
                doc.select("[role=status]").text());
        assertEquals("csrf-token-for-tests", doc.select("form[data-follow-form] input[name=_csrf]").val());
    }

    @Test
    void aRefusedFollowIsExplainedInItsSectionWithWhatWasTyped() {
        String typed = "\"><script>x</script>";
        Document doc = render(page(true, new FederationPage.Errors("Example.org is not an Ondes catalog <i>x</i>.", null),
                new FederationPage.Typed(typed, "", "")), Role.ADMIN);
        assertEquals("Example.org is not an Ondes catalog <i>x</i>.", doc.select("#following-error[role=alert]").text());
        assertEquals(typed, doc.select("#follow-target").val());
        assertTrue(doc.select("#follow-target").attr("aria-describedby").contains("following-error"));
        assertNull(doc.selectFirst("#blocks-error"));
        assertTrue(doc.select("main script, main i").isEmpty());
    }

    @Test
    void moderatorsSeeOnlyTheBlockedDomains() {
        FederationPage page = page(false, FederationPage.Errors.NONE, FederationPage.Typed.EMPTY);
        assertTrue(page.following().isEmpty() && page.followers().isEmpty(), "not even in the page's data");
        Document doc = render(page, Role.MODERATOR);
        assertNull(doc.selectFirst("#following-heading"));
        assertNull(doc.selectFirst("form[data-follow-form]"));
        assertNull(doc.selectFirst("#followers-heading"));
        assertNotNull(doc.selectFirst("form[data-block-form]"));
        assertEquals("spam.example", doc.select("[data-blocks] [data-block-domain]").text());
        assertEquals("/moderation/federation/blocks/remove", doc.select("[data-blocks] form").attr("action"));
        assertEquals("spam.example", doc.select("[data-blocks] form input[name=domain]").val());
    }

    @Test
    void hostsStationCountsAndUnknownDoneCodes() {
        assertEquals("ondes.example.org", FederationPages.host("https://ONDES.example.org/actor"));
        assertEquals("127.0.0.1:8080", FederationPages.host("http://127.0.0.1:8080/actor"));
        assertEquals("not a url", FederationPages.host("not a url"));
        assertEquals("No station has followers yet.", FederationPages.stationFollows(new Followers.StationFollows(0, 0)));
        assertEquals("1 follow of stations, from 1 account.",
                FederationPages.stationFollows(new Followers.StationFollows(1, 1)));
        assertNull(FederationPages.build(META, true, "<b>hi</b>", List.of(), List.of(),
                new Followers.StationFollows(0, 0), List.of(), FederationPage.Errors.NONE,
                FederationPage.Typed.EMPTY).notice());
    }
}
