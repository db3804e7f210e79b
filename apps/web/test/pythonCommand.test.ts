import { describe, expect, it } from 'vitest';
import { pythonCommand } from '../src/features/code/pythonCommand.ts';

describe('the Python command the page suggests', () => {
  it('is py on Windows and python3 on macOS, Linux and phones', () => {
    expect(pythonCommand('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0')).toBe('py');
    expect(pythonCommand('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Safari/605.1')).toBe(
      'python3',
    );
    expect(pythonCommand('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0')).toBe('python3');
    expect(pythonCommand('')).toBe('python3');
  });
});
