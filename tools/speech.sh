# The one way Antrean makes recorded speech, sourced by display/tools/make-voice.sh (the waiting-room voice) and
# kiosk/tools/make-voice.sh (the kiosk's spoken guidance), so both sound alike: espeak-ng says it in Bahasa
# Indonesia, sox cleans it up into a small Ogg Vorbis clip.
#
# Needs: espeak-ng (with the 'id' voice) and sox built with Ogg Vorbis
# (Debian/Ubuntu: apt-get install espeak-ng sox libsox-fmt-all).
# Tune with env: RATE (words per minute, default 130), PITCH (0-99, default 45), VOICE (default id),
# QUALITY (Vorbis quality, default 3). The caller sets $out, the folder written.

ESPEAK=${ESPEAK:-espeak-ng}
SOX=${SOX:-sox}
VOICE=${VOICE:-id}
RATE=${RATE:-130}
PITCH=${PITCH:-45}
QUALITY=${QUALITY:-3}

command -v "$ESPEAK" >/dev/null || { echo "make-voice: $ESPEAK not found (apt-get install espeak-ng)" >&2; exit 1; }
command -v "$SOX" >/dev/null || { echo "make-voice: $SOX not found (apt-get install sox libsox-fmt-all)" >&2; exit 1; }
"$SOX" -h 2>/dev/null | grep -qw vorbis || { echo "make-voice: sox cannot write Ogg Vorbis (apt-get install libsox-fmt-all)" >&2; exit 1; }
"$ESPEAK" --voices="$VOICE" | grep -q . || { echo "make-voice: espeak-ng has no voice '$VOICE'" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"

# Say it slowly, cut the silence at both ends, 5 ms fades against clicks, normalise to -1 dBFS, mono 22050 Hz
# Ogg Vorbis: $out/<name>.ogg.
speak() {
  local name=$1 text=$2
  "$ESPEAK" -v "$VOICE" -s "$RATE" -p "$PITCH" -w "$tmp/$name.raw.wav" -- "$text"
  "$SOX" "$tmp/$name.raw.wav" -r 22050 -c 1 "$tmp/$name.wav" \
    silence 1 0.01 0.5% reverse silence 1 0.01 0.5% reverse
  "$SOX" "$tmp/$name.wav" -C "$QUALITY" "$out/$name.ogg" fade t 0.005 -0 0.005 gain -6 highpass 80 norm -1
}
