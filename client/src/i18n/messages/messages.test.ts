// What TypeScript does not check in the dictionaries: that no key is in two parts (the later part would silently win),
// that every language fills the same placeholders, and that no message is empty. That every key has a message in
// every language, and that every key the code uses exists, TypeScript checks (MessageKey, Translation).
import { describe, expect, it } from 'vitest';
import { en, parts as enParts } from './en';
import { zhCN, parts as zhParts } from './zh-CN';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  it('has each key in one part only', () => {
    for (const parts of [enParts, zhParts]) {
      const owner = new Map<string, string>();
      const twice: string[] = [];
      for (const [part, messages] of Object.entries(parts)) {
        for (const key of Object.keys(messages)) {
          if (owner.has(key)) twice.push(`${key}: ${owner.get(key)} and ${part}`);
          owner.set(key, part);
        }
      }
      expect(twice).toEqual([]);
    }
  });

  it('keeps each key with the part of its language (the same parts in both languages)', () => {
    const chinese = new Map<string, object>(Object.entries(zhParts));
    for (const [part, messages] of Object.entries(enParts)) {
      expect(Object.keys(chinese.get(part) ?? {}).sort(), part).toEqual(Object.keys(messages).sort());
    }
  });

  it('fills the same placeholders in every language', () => {
    const chinese = new Map<string, string>(Object.entries(zhCN));
    const differ = Object.entries(en)
      .filter(([key, text]) => placeholders(text).join() !== placeholders(chinese.get(key) ?? '').join())
      .map(([key]) => key);
    expect(differ).toEqual([]);
  });

  it('has no empty message', () => {
    expect([...Object.entries(en), ...Object.entries(zhCN)].filter(([, text]) => !text.trim()).map(([key]) => key)).toEqual([]);
  });
});
