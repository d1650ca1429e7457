import { describe, expect, it } from 'vitest';
import { canDropInto, itemCount, itemsLabel, type DraggedItems } from './items';

const drag: DraggedItems = { bucket: 'b', from: 'a/', keys: ['a/x.txt'], prefixes: ['a/photos/'] };

describe('items', () => {
  it('counts objects and folders', () => {
    expect(itemCount(drag)).toBe(2);
    expect(itemsLabel(drag)).toBe('2 items');
    expect(itemsLabel({ keys: ['k'], prefixes: [] })).toBe('1 item');
  });

  it('accepts a drop into another folder of the same bucket', () => {
    expect(canDropInto(drag, 'b', 'a/other/')).toBe(true);
    expect(canDropInto(drag, 'b', '')).toBe(true);
  });

  it('refuses the folder they are in, a dragged folder and its subfolders, another bucket', () => {
    expect(canDropInto(drag, 'b', 'a/')).toBe(false);
    expect(canDropInto(drag, 'b', 'a/photos/')).toBe(false);
    expect(canDropInto(drag, 'b', 'a/photos/2024/')).toBe(false);
    expect(canDropInto(drag, 'c', 'a/other/')).toBe(false);
    expect(canDropInto(null, 'b', 'a/other/')).toBe(false);
  });
});
