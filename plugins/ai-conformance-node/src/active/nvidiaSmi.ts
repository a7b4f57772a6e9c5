/** What `nvidia-smi -L` printed, read back. */
export interface NvidiaSmiListing {
  devices: Array<{ index: number; name: string; uuid: string }>;
}

const DEVICE_LINE = /^GPU (\d+): (.+?) \(UUID: (GPU-[0-9a-fA-F-]+)\)\s*$/;
const NONE_LINE = /^No devices were found\s*$/;

/**
 * Parses `nvidia-smi -L` output. Undefined when the text is neither a device
 * list nor "No devices were found" (e.g. an NVML error): the caller cannot
 * tell what the container sees.
 */
export function parseNvidiaSmiList(text: string): NvidiaSmiListing | undefined {
  const lines = text
    .replace(/\r/g, '')
    .split('\n')
    .map(l => l.trim())
    .filter(Boolean);
  if (lines.length === 1 && NONE_LINE.test(lines[0])) return { devices: [] };
  const devices: NvidiaSmiListing['devices'] = [];
  for (const line of lines) {
    const m = DEVICE_LINE.exec(line);
    // MIG lines ("  MIG 1g.5gb Device 0: ...") belong to their GPU line
    if (!m) {
      if (/^MIG /.test(line)) continue;
      return undefined;
    }
    devices.push({ index: Number(m[1]), name: m[2], uuid: m[3] });
  }
  return devices.length > 0 ? { devices } : undefined;
}
