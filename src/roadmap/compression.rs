//! The browser's `CompressionStream` and `DecompressionStream` (`deflate-raw`) for the progress
//! link: the only code that compresses. Browser-only.

use js_sys::{Array, Function, Reflect, Uint8Array};
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::WritableStreamDefaultWriter;
use web_sys::{ReadableStream, ReadableStreamDefaultReader, WritableStream};

/// The bytes handed to the stream at a time. Deflate unfolds about a thousand times at most, and
/// the stream takes the next slice only once the output of the one before has been read, so a
/// crafted link makes at most about a megabyte before the limit is checked.
const SLICE: usize = 1024;

/// `bytes` compressed.
pub async fn deflate(bytes: &[u8]) -> Result<Vec<u8>, String> {
    transform("CompressionStream", bytes, usize::MAX).await
}

/// `bytes` decompressed, refused past `limit` bytes (a small link could otherwise unfold into
/// gigabytes), or when they are not deflate data.
pub async fn inflate(bytes: &[u8], limit: usize) -> Result<Vec<u8>, String> {
    transform("DecompressionStream", bytes, limit).await
}

async fn transform(kind: &str, bytes: &[u8], limit: usize) -> Result<Vec<u8>, String> {
    let unsupported = || "this browser cannot compress data".to_owned();
    let constructor = Reflect::get(&js_sys::global(), &JsValue::from_str(kind))
        .ok()
        .and_then(|value| value.dyn_into::<Function>().ok())
        .ok_or_else(unsupported)?;
    let stream = Reflect::construct(&constructor, &Array::of1(&"deflate-raw".into()))
        .map_err(|_| unsupported())?;
    let side = |name: &str| Reflect::get(&stream, &name.into()).map_err(|_| unsupported());
    let writable: WritableStream = side("writable")?.unchecked_into();
    let readable: ReadableStream = side("readable")?.unchecked_into();
    let writer = writable.get_writer().map_err(|_| unsupported())?;
    let reader: ReadableStreamDefaultReader = readable.get_reader().unchecked_into();
    spawn_local(feed(writer, bytes.to_vec()));
    let mut out = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| "the data is damaged or was cut short".to_owned())?;
        if Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|d| d.as_bool())
            == Some(true)
        {
            return Ok(out);
        }
        let value = Reflect::get(&chunk, &"value".into()).map_err(|_| unsupported())?;
        let part: Uint8Array = value.dyn_into().map_err(|_| unsupported())?;
        if out.len() + part.length() as usize > limit {
            let _ = reader.cancel();
            return Err(format!("the data unfolds to more than {limit} bytes"));
        }
        out.extend(part.to_vec());
    }
}

/// Writes `input` to the stream a [`SLICE`] at a time, each once the one before is taken, then
/// closes it; stops when the reader has given up (the stream then refuses every write).
async fn feed(writer: WritableStreamDefaultWriter, input: Vec<u8>) {
    for slice in input.chunks(SLICE) {
        if JsFuture::from(writer.write_with_chunk(&Uint8Array::from(slice)))
            .await
            .is_err()
        {
            return;
        }
    }
    let _ = JsFuture::from(writer.close()).await;
}
