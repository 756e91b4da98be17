/**
 * Reorder a vertical list by dragging a handle with a finger, pen or mouse (pointer events).
 */
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type PointerEvent as ReactPointerEvent,
} from 'react';

interface Drag {
  id: string;
  /** Where in the item the pointer took hold, from its top edge. */
  grab: number;
  /** The pointer's latest vertical position. */
  y: number;
  height: number;
  /** The other items' middles when the drag began: where the dragged one passes them. */
  middles: number[];
  /** The index last asked for. */
  to: number;
  /** Stop listening to the window. */
  release(): void;
}

/** What the list wires up: item refs, handle events, and which item is being dragged. */
export interface DragReorder {
  draggingId: string | undefined;
  /** A ref callback for the item with this id. */
  itemRef(id: string): (element: HTMLElement | null) => void;
  /** Pointer events for the drag handle of the item with this id. */
  handleProps(id: string): { onPointerDown(event: ReactPointerEvent<HTMLElement>): void };
}

/**
 * The dragged item follows the pointer and the list reorders live as it passes other items'
 * middles (`onMove(id, index)`); `onDrop` tells where it ended.
 *
 * Middles are measured once, when the drag begins: pointer events can arrive faster than the
 * list re-renders, so measuring the moving layout would compare against stale positions.
 */
export function useDragReorder(
  ids: readonly string[],
  onMove: (id: string, to: number) => void,
  onDrop: (id: string, index: number) => void,
): DragReorder {
  const elements = useRef(new Map<string, HTMLElement>());
  const drag = useRef<Drag | undefined>(undefined);
  const latest = useRef({ ids, onMove, onDrop });
  const [draggingId, setDraggingId] = useState<string | undefined>();

  useLayoutEffect(() => {
    latest.current = { ids, onMove, onDrop };
  });

  // Keep the dragged item under the pointer: measure where it sits without its offset.
  const place = useCallback(() => {
    const current = drag.current;
    const element = current && elements.current.get(current.id);
    if (!current || !element) return;
    element.style.transform = '';
    const top = element.getBoundingClientRect().top;
    element.style.transform = `translateY(${current.y - current.grab - top}px)`;
  }, []);

  // After the list reorders, the dragged item has a new place in the layout.
  useLayoutEffect(place, [ids, place]);

  const end = useCallback(() => {
    const current = drag.current;
    if (!current) return;
    drag.current = undefined;
    current.release();
    const element = elements.current.get(current.id);
    if (element) element.style.transform = '';
    setDraggingId(undefined);
    latest.current.onDrop(current.id, current.to);
  }, []);

  const follow = useCallback(
    (y: number) => {
      const current = drag.current;
      if (!current) return;
      current.y = y;
      const middle = current.y - current.grab + current.height / 2;
      const to = current.middles.filter((m) => m < middle).length;
      if (to !== current.to) {
        current.to = to;
        latest.current.onMove(current.id, to);
      }
      place();
    },
    [place],
  );

  // A drag still under way when the list goes away ends with it.
  useEffect(() => () => drag.current?.release(), []);

  const itemRef = useCallback(
    (id: string) => (element: HTMLElement | null) => {
      if (element) elements.current.set(id, element);
      else elements.current.delete(id);
    },
    [],
  );

  const handleProps = (id: string) => ({
    onPointerDown(event: ReactPointerEvent<HTMLElement>) {
      if (drag.current || (event.pointerType === 'mouse' && event.button !== 0)) return;
      const element = elements.current.get(id);
      if (!element) return;
      event.preventDefault();
      const rect = element.getBoundingClientRect();
      const middles: number[] = [];
      for (const other of latest.current.ids) {
        const box = other === id ? undefined : elements.current.get(other)?.getBoundingClientRect();
        if (box) middles.push(box.top + box.height / 2);
      }
      // Listen on the window: reordering moves the handle in the document, which ends any
      // pointer capture, but the window still hears every move of this pointer.
      const pointerId = event.pointerId;
      const onMove = (e: PointerEvent) => {
        if (e.pointerId !== pointerId) return;
        e.preventDefault();
        follow(e.clientY);
      };
      const onEnd = (e: PointerEvent) => e.pointerId === pointerId && end();
      window.addEventListener('pointermove', onMove, { passive: false });
      window.addEventListener('pointerup', onEnd);
      window.addEventListener('pointercancel', onEnd);
      drag.current = {
        id,
        grab: event.clientY - rect.top,
        y: event.clientY,
        height: rect.height,
        middles,
        to: latest.current.ids.indexOf(id),
        release: () => {
          window.removeEventListener('pointermove', onMove);
          window.removeEventListener('pointerup', onEnd);
          window.removeEventListener('pointercancel', onEnd);
        },
      };
      setDraggingId(id);
    },
  });

  return { draggingId, itemRef, handleProps };
}
