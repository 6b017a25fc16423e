import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'

/** SHA-256 of bytes in lower-case hex: what an evidence file's row, a backup's checksum and its archive state. */
export const sha256Hex = (bytes: Uint8Array): string => bytesToHex(sha256(bytes))
