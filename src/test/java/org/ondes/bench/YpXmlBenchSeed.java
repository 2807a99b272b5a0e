package org.ondes.bench;

import org.ondes.testkit.TestDb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * Seeds a realistic directory with SQL: station names from word lists (with accents, {@code &} and {@code <}), one
 * to four genre tags, the usual content-type mix (mostly MP3, then Ogg, AAC, AAC+, WebM), common bitrates with a few
 * unknown, host names of varying length, songs as "Artist - Title" (a tenth empty). Stations 1 … {@code listed - stations} get a second listen URL
 * (a relay). {@code notListed} more sessions are pending, unreachable or ended and must not be exported.
 */
final class YpXmlBenchSeed {
    private YpXmlBenchSeed() {
    }

    static void seed(TestDb.Schema db, long tokenId, int stations, int listed, int notListed) throws Exception {
        try (Connection c = db.connect()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO streams_stations (owner_id, name_key, name, description, homepage, genres)
                    SELECT t.account_id, lower(n.name), n.name, 'The best of ' || n.name || ', live from our studio',
                           'https://station' || i || '.example-radio.net/', g.tags
                    FROM yp_tokens t, generate_series(1, ?) i,
                    LATERAL (SELECT (ARRAY['Radio', 'Onda', 'Kanal', 'Web', 'Studio', 'Klub', 'Antenne', 'La Voix'])[1 + i % 8]
                                    || ' ' || (ARRAY['Österreich', 'Café Crème', 'Nord', 'Süd', 'Rock & Roll', '<Jazz>', 'Noise',
                                                     'Techno', 'Ambient', 'Dub', 'Kraków', 'São Paulo', 'Tōkyō'])[1 + (i / 8) % 13]
                                    || ' ' || i AS name) n,
                    LATERAL (SELECT ARRAY(SELECT DISTINCT (ARRAY['rock', 'pop', 'jazz', 'blues', 'techno', 'house', 'ambient',
                                    'classical', 'metal', 'hip hop', 'reggae', 'dub', 'folk', 'news', 'talk', 'electronic', 'indie',
                                    'soul', 'funk', 'world'])[1 + ((i * 7 + k * 13) % 20)] FROM generate_series(1, 1 + i % 4) k) AS tags) g
                    WHERE t.id = ?
                    """)) {
                ps.setInt(1, stations);
                ps.setLong(2, tokenId);
                ps.executeUpdate();
            }
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TEMP TABLE bench_station AS SELECT id, row_number() OVER (ORDER BY created_at, id) AS i FROM streams_stations");
                st.execute("CREATE INDEX ON bench_station (i)");
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO streams_sessions (sid, station_id, token_id, listen_url, content_type, codec, bitrate, samplerate,
                                                  channels, name, current_song, listeners, max_listeners, state, verified_at,
                                                  ended_at, end_reason)
                    SELECT 'BENCH-' || n, b.id, ?, 'http://' || CASE WHEN n > ? THEN 'relay-' ELSE '' END
                               || substr(md5(n::text), 1, 3 + n % 10) || n || '.example-radio.net:' || (ARRAY[8000, 80, 8080, 8443])[1 + n % 4]
                               || '/' || (ARRAY['live.mp3', 'stream.ogg', 'radio.aac', 'hifi.opus', 'low'])[1 + n % 5],
                           (ARRAY['audio/mpeg', 'audio/mpeg', 'audio/mpeg', 'audio/mpeg', 'audio/ogg', 'application/ogg',
                                  'audio/aac', 'audio/aacp', 'audio/webm', 'audio/mpeg'])[1 + n % 10],
                           NULL,
                           CASE WHEN n % 20 = 0 THEN NULL ELSE (ARRAY[64, 96, 128, 128, 192, 320])[1 + n % 6] END,
                           CASE n % 3 WHEN 0 THEN 44100 WHEN 1 THEN 48000 END,
                           CASE n % 3 WHEN 0 THEN 2 WHEN 1 THEN 2 END,
                           'station', 
                           CASE WHEN n % 10 = 0 THEN NULL ELSE
                               (ARRAY['Miles Davis', 'Motörhead', 'AC/DC', 'Daft Punk', 'Sigur Rós', 'Nina Simone', 'Aphex Twin',
                                      'Björk', 'Guns N'' Roses', 'Simon & Garfunkel', 'Fela Kuti', 'Ryuichi Sakamoto'])[1 + n % 12]
                               || ' - ' || (ARRAY['So What', 'Ace of Spades', 'Back in Black', 'Around the World', 'Hoppípolla',
                                      'Feeling Good', 'Windowlicker', 'Jóga', 'Paradise City', 'The Boxer', 'Zombie',
                                      'Merry Christmas Mr. Lawrence', 'Live at <Venue> "2024"'])[1 + (n / 12) % 13] END,
                           n % 200, 500,
                           CASE WHEN n <= ? THEN 'listed' WHEN n % 2 = 0 THEN 'pending' ELSE 'unreachable' END,
                           CASE WHEN n <= ? THEN now() END,
                           CASE WHEN n > ? AND n % 3 = 0 THEN now() END,
                           CASE WHEN n > ? AND n % 3 = 0 THEN 'expired' END
                    FROM generate_series(1, ?) n JOIN bench_station b ON b.i = 1 + (n - 1) % ?
                    """)) {
                int i = 1;
                ps.setLong(i++, tokenId);
                ps.setInt(i++, stations);
                ps.setInt(i++, listed);
                ps.setInt(i++, listed);
                ps.setInt(i++, listed);
                ps.setInt(i++, listed);
                ps.setInt(i++, listed + notListed);
                ps.setInt(i, stations);
                ps.executeUpdate();
            }
            try (Statement st = c.createStatement()) {
                st.execute("UPDATE streams_sessions s SET name = st.name FROM streams_stations st WHERE st.id = s.station_id");
                st.execute("VACUUM ANALYZE streams_sessions");
                st.execute("ANALYZE streams_stations");
            }
        }
    }
}
