#!/usr/bin/env bash
# Builds the kiosk's spoken guidance: one short Ogg Vorbis clip per step of the touch screen (Bahasa Indonesia),
# spoken by espeak-ng and cleaned up by sox exactly as display/tools/make-voice.sh makes the display's voice.
# The kiosk page plays them (kiosk-ui/voice.js) when the facility's profile has spokenGuidance on, for people
# who cannot read the screen.
#
#   kiosk/tools/make-voice.sh            # (re)writes kiosk/src/main/resources/kiosk-ui/voice/
#
# Needs: espeak-ng (with the 'id' voice) and sox built with Ogg Vorbis
# (Debian/Ubuntu: apt-get install espeak-ng sox libsox-fmt-all).
# Tune with env: RATE (words per minute, default 130), PITCH (0-99, default 45), VOICE (default id),
# QUALITY (Vorbis quality, default 3), OUT (the folder written).
#
# To change what a step says: edit its line in STEPS below and run this script again (the clip names are the
# ones voice.js asks for; keep them).
set -euo pipefail

ESPEAK=${ESPEAK:-espeak-ng}
SOX=${SOX:-sox}
VOICE=${VOICE:-id}
RATE=${RATE:-130}
PITCH=${PITCH:-45}
QUALITY=${QUALITY:-3}

here=$(cd "$(dirname "$0")" && pwd)
out=${OUT:-$here/../src/main/resources/kiosk-ui/voice}

command -v "$ESPEAK" >/dev/null || { echo "make-voice: $ESPEAK not found (apt-get install espeak-ng)" >&2; exit 1; }
command -v "$SOX" >/dev/null || { echo "make-voice: $SOX not found (apt-get install sox libsox-fmt-all)" >&2; exit 1; }
"$SOX" -h 2>/dev/null | grep -qw vorbis || { echo "make-voice: sox cannot write Ogg Vorbis (apt-get install libsox-fmt-all)" >&2; exit 1; }
"$ESPEAK" --voices="$VOICE" | grep -q . || { echo "make-voice: espeak-ng has no voice '$VOICE'" >&2; exit 1; }

# clip name | what espeak-ng is given to say (short sentences, plain words, like the screen's own)
STEPS=$(cat <<'WORDS'
welcome|Selamat datang. Peserta JKN, sentuh tombol hijau. Pasien umum, sentuh tombol biru.
scan-or-type|Tunjukkan kode QR kartu JKN digital ke kamera. Atau ketik nomor kartu, atau NIK, lalu sentuh OK.
choose-poli|Silakan pilih poli yang Anda tuju.
take-ticket|Ambil tiket Anda di bawah layar. Lalu tunggu nomor Anda dipanggil.
WORDS
)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"

# As the display's: say it slowly, cut the silence at both ends, 5 ms fades against clicks, normalise to
# -1 dBFS, mono 22050 Hz Ogg Vorbis.
speak() {
  local name=$1 text=$2
  "$ESPEAK" -v "$VOICE" -s "$RATE" -p "$PITCH" -w "$tmp/$name.raw.wav" -- "$text"
  "$SOX" "$tmp/$name.raw.wav" -r 22050 -c 1 "$tmp/$name.wav" \
    silence 1 0.01 0.5% reverse silence 1 0.01 0.5% reverse
  "$SOX" "$tmp/$name.wav" -C "$QUALITY" "$out/$name.ogg" fade t 0.005 -0 0.005 gain -6 highpass 80 norm -1
}

count=0
while IFS='|' read -r name text; do
  [ -n "$name" ] || continue
  speak "$name" "$text"
  count=$((count + 1))
done <<< "$STEPS"

total=$(du -cb "$out"/*.ogg | tail -1 | cut -f1)
echo "make-voice: $count clips in $out ($((total / 1024)) KiB)"
