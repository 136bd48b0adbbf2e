#!/usr/bin/env bash
# Builds the kiosk's spoken guidance: one short Ogg Vorbis clip per step of the touch screen (Bahasa Indonesia),
# spoken by espeak-ng and cleaned up by sox exactly as display/tools/make-voice.sh makes the display's voice.
# The kiosk page plays them (kiosk-ui/voice.js) when the facility's profile has spokenGuidance on, for people
# who cannot read the screen.
#
#   kiosk/tools/make-voice.sh            # (re)writes kiosk/src/main/resources/kiosk-ui/voice/
#
# Needs espeak-ng and sox; tuned with RATE, PITCH, VOICE, QUALITY, OUT (see tools/speech.sh, shared with the
# display's voice).
#
# To change what a step says: edit its line in STEPS below and run this script again (the clip names are the
# ones voice.js asks for; keep them).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
out=${OUT:-$here/../src/main/resources/kiosk-ui/voice}
. "$here/../../tools/speech.sh"

# clip name | what espeak-ng is given to say (short sentences, plain words, like the screen's own)
STEPS=$(cat <<'WORDS'
welcome|Selamat datang. Peserta JKN, sentuh tombol hijau. Pasien umum, sentuh tombol biru.
scan-or-type|Tunjukkan kode QR kartu JKN digital ke kamera. Atau ketik nomor kartu, atau NIK, lalu sentuh OK.
choose-poli|Silakan pilih poli yang Anda tuju.
take-ticket|Ambil tiket Anda di bawah layar. Lalu tunggu nomor Anda dipanggil.
WORDS
)

count=0
while IFS='|' read -r name text; do
  [ -n "$name" ] || continue
  speak "$name" "$text"
  count=$((count + 1))
done <<< "$STEPS"

total=$(du -cb "$out"/*.ogg | tail -1 | cut -f1)
echo "make-voice: $count clips in $out ($((total / 1024)) KiB)"
