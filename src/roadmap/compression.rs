//! The browser's `CompressionStream` and `DecompressionStream` (`deflate-raw`) for the progress
//! link: the only code that compresses. Browser-only.

use js_sys::{Array, Function, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

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
    let blob = web_sys::Blob::new_with_u8_array_sequence(&Array::of1(&Uint8Array::from(bytes)))
        .map_err(|_| unsupported())?;
    let output = blob.stream().pipe_through(stream.unchecked_ref());
    let reader: web_sys::ReadableStreamDefaultReader = output.get_reader().unchecked_into();
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
