"""Encode text as Excel on Vietnamese Windows does for "CSV": Windows-1258, where a
letter the code page lacks is written as its base letter plus a combining tone mark.
Used to make test fixtures; not part of the tool."""
import itertools, sys, unicodedata

def encode_cp1258(text: str) -> bytes:
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", ch)
        # Compose the base with the marks the code page has precomposed (â, ơ…), then
        # write the other marks (the five tone marks) as combining characters.
        for n in range(len(marks), -1, -1):
            done = False
            for kept in itertools.combinations(marks, n):
                rest = list(marks)
                for m in kept:
                    rest.remove(m)
                try:
                    encoded = unicodedata.normalize("NFC", base + "".join(kept)).encode("cp1258")
                    encoded += "".join(rest).encode("cp1258")
                except UnicodeEncodeError:
                    continue
                out += encoded
                done = True
                break
            if done:
                break
        else:
            raise UnicodeEncodeError("cp1258", ch, 0, 1, "no encoding")
    return bytes(out)

if __name__ == "__main__":
    src, dst = sys.argv[1], sys.argv[2]
    data = open(src, encoding="utf-8-sig").read()
    open(dst, "wb").write(encode_cp1258(data))
