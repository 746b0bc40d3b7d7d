import { useCallback, useEffect, useState } from 'react'

const MUTE_KEY = 'wijkatelier.timer.muted'

let context: AudioContext | null = null

/**
 * Browsers only let a page make sound after the person touched it: the audio context is made
 * (or resumed) on the first pointer or key press, so the beep at the end can play.
 */
function unlockAudio() {
  const Ctor =
    window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext
  if (!Ctor) return
  context ??= new Ctor()
  if (context.state === 'suspended') void context.resume()
}

/** Three short beeps, made with Web Audio (no sound file to load). */
export function beep() {
  if (!context || context.state !== 'running') return
  const start = context.currentTime
  for (let i = 0; i < 3; i++) {
    const osc = context.createOscillator()
    const gain = context.createGain()
    osc.frequency.value = 880
    gain.gain.setValueAtTime(0.0001, start + i * 0.4)
    gain.gain.exponentialRampToValueAtTime(0.3, start + i * 0.4 + 0.02)
    gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.4 + 0.25)
    osc.connect(gain).connect(context.destination)
    osc.start(start + i * 0.4)
    osc.stop(start + i * 0.4 + 0.3)
  }
}

/** Whether the end-of-timer beep is muted, remembered in this browser. */
export function useTimerSound() {
  const [muted, setMuted] = useState(false)
  useEffect(() => {
    setMuted(window.localStorage.getItem(MUTE_KEY) === '1')
    window.addEventListener('pointerdown', unlockAudio)
    window.addEventListener('keydown', unlockAudio)
    return () => {
      window.removeEventListener('pointerdown', unlockAudio)
      window.removeEventListener('keydown', unlockAudio)
    }
  }, [])
  const toggle = useCallback(() => {
    setMuted((was) => {
      const now = !was
      window.localStorage.setItem(MUTE_KEY, now ? '1' : '0')
      return now
    })
  }, [])
  return { muted, toggle }
}
