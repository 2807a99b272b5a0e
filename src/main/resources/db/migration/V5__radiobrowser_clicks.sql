-- The radio-browser-compatible API (/json/url/{stationuuid}) counts a play ("click") once per client address,
-- station and UTC day, as radio-browser does, so apps built for it keep meaningful clickcount figures. Addresses are
-- never stored: a client is the SHA-256 of its address with the day's random salt. Only today's salt is kept and
-- clicks are deleted after two days, so yesterday's hashes can no longer be tied to an address.
CREATE TABLE rb_click_salts (
    day  date  PRIMARY KEY,
    salt bytea NOT NULL
);

CREATE TABLE rb_clicks (
    station_id uuid        NOT NULL,
    day        date        NOT NULL,
    client     bytea       NOT NULL,
    clicked_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (station_id, day, client)
);
CREATE INDEX rb_clicks_clicked_at_idx ON rb_clicks (clicked_at);
