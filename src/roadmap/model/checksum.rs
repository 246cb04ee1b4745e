//! CRC-32, which a progress link carries so that a changed, cut or added character is refused
//! before anything is decompressed: deflate itself has no checksum, and about one change in ten
//! still unfolds into valid JSON.

/// The CRC-32 of `bytes` (IEEE 802.3: the one zlib, PNG and gzip use). Bitwise, without a
/// lookup table: a link is checked once, and a table would add 1 KiB to the wasm.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::crc32;

    #[test]
    fn matches_the_standard_check_values() {
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(
            crc32(b"The quick brown fox jumps over the lazy dog"),
            0x414F_A339
        );
    }
}
