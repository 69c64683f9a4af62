export function electronBinary(root: string): { bin: string; reason?: undefined } | { bin: null; reason: string };
