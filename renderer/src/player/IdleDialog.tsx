/**
 * "Are you still there?": the countdown before the player resets for the next visitor.
 */
import './idle.css';
import { useEffect, useId, useRef } from 'react';
import { AnimatePresence, m } from 'framer-motion';
import { langAttributes } from '#core/i18n';
import type { UiStrings } from '../i18n/strings';
import {
  enterFrom,
  overlayReducedVariants,
  overlayTransition,
  overlayVariants,
} from '../motion/transitions';
import { MotionScope } from '../motion/MotionScope';

interface IdleDialogProps {
  secondsLeft: number;
  strings: UiStrings;
  reducedMotion: boolean;
  onContinue(): void;
}

/** A modal `alertdialog` with a countdown and a button to continue. */
export function IdleDialog({ secondsLeft, strings, reducedMotion, onContinue }: IdleDialogProps) {
  const titleId = useId();
  const bodyId = useId();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  return (
    <m.div
      className="backdrop"
      initial={enterFrom({ opacity: 0 })}
      animate={{ opacity: 1 }}
      exit={{ opacity: 0 }}
      transition={overlayTransition}
    >
      <m.div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        // English labels in a right-to-left page must not read "?Are you still there".
        {...langAttributes(strings.lang)}
        variants={reducedMotion ? overlayReducedVariants : overlayVariants}
        initial={enterFrom('hidden')}
        animate="shown"
        exit="hidden"
        transition={overlayTransition}
      >
        <h2 id={titleId}>{strings.stillThereTitle}</h2>
        <p id={bodyId}>{strings.stillThereBody(secondsLeft)}</p>
        <div className="dialog__count" aria-hidden="true">
          {secondsLeft}
        </div>
        <button
          ref={button}
          type="button"
          className="pill pill--primary"
          data-session-continue=""
          onClick={onContinue}
        >
          {strings.continue}
        </button>
      </m.div>
    </m.div>
  );
}

/** The dialog while `open`, fading in and out (framer-motion loads with it, later). */
export function IdleLayer({ open, ...props }: IdleDialogProps & { open: boolean }) {
  return (
    <MotionScope>
      <AnimatePresence>{open && <IdleDialog key="idle" {...props} />}</AnimatePresence>
    </MotionScope>
  );
}
export default IdleLayer;
