#!/bin/sh
# Sends a public stream to Icecast with ffmpeg, so that Icecast announces it to Ondes.
#
#   ./ffmpeg-source.sh ogg [input]     Ogg Vorbis, 128 kbit/s, content type application/ogg
#   ./ffmpeg-source.sh mp3 [input]     MP3, 128 kbit/s, content type audio/mpeg
#
# [input] is anything ffmpeg can read (a file, a playlist with -f concat, a sound card with -f alsa …).
# Without it, a 440 Hz test tone is sent. -ice_public 1 makes the mount public, so Icecast announces it
# about 60 s after the source connects (unless the mount's <public> setting in icecast.xml overrides it).
#
# Settings come from the environment; change the defaults below or export them:
ICECAST_HOST=${ICECAST_HOST:-127.0.0.1}
ICECAST_PORT=${ICECAST_PORT:-8000}
SOURCE_PASSWORD=${SOURCE_PASSWORD:-hackme}
STREAM_NAME=${STREAM_NAME:-Radio Example}          # a real name: Icecast's and clients' defaults are refused
STREAM_GENRE=${STREAM_GENRE:-electronic, live coding}
STREAM_DESCRIPTION=${STREAM_DESCRIPTION:-Live sets from the example collective}
STREAM_URL=${STREAM_URL:-https://radio.example.org/}

set -eu

format=${1:-}
input=${2:-}

case "$format" in
    ogg)
        mount=${MOUNT:-/live.ogg}
        codec="-c:a libvorbis -b:a 128k -f ogg"
        content_type=application/ogg
        ;;
    mp3)
        mount=${MOUNT:-/live.mp3}
        codec="-c:a libmp3lame -b:a 128k -f mp3"
        content_type=audio/mpeg
        ;;
    *)
        echo "usage: $0 ogg|mp3 [input]" >&2
        exit 2
        ;;
esac

if [ -n "$input" ]; then
    set -- -re -i "$input"
else
    set -- -re -f lavfi -i "sine=frequency=440:sample_rate=44100"
fi

# $codec is split into words on purpose.
# shellcheck disable=SC2086
exec ffmpeg -hide_banner -loglevel warning "$@" \
    -ac 2 -ar 44100 $codec \
    -content_type "$content_type" \
    -ice_public 1 \
    -ice_name "$STREAM_NAME" \
    -ice_genre "$STREAM_GENRE" \
    -ice_description "$STREAM_DESCRIPTION" \
    -ice_url "$STREAM_URL" \
    "icecast://source:${SOURCE_PASSWORD}@${ICECAST_HOST}:${ICECAST_PORT}${mount}"
