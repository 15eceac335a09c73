/** Random access to the bytes of a zip without holding all of it: a Blob is read slice by slice. */
export interface ZipSource {
  size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

export function zipSource(data: Blob | Uint8Array): ZipSource {
  if (data instanceof Uint8Array) {
    return {
      size: data.byteLength,
      read: async (offset, length) => data.subarray(offset, Math.min(offset + length, data.byteLength)),
    };
  }
  return {
    size: data.size,
    read: async (offset, length) =>
      new Uint8Array(await data.slice(offset, Math.min(offset + length, data.size)).arrayBuffer()),
  };
}
