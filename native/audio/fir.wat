(module
  (memory (export "memory") 1)
  ;; Polyphase FIR: for each of `count` outputs, dot `taps` input samples
  ;; starting at src + 4*i with the coefficient row rows[p], then advance the
  ;; (i, p) position by (iStep, pStep) modulo `up`. Final i, p are stored at 0 and 4.
  (func (export "run")
    (param $src i32) (param $coef i32) (param $rows i32) (param $out i32)
    (param $count i32) (param $i i32) (param $p i32)
    (param $iStep i32) (param $pStep i32) (param $up i32) (param $taps i32)
    (local $b i32) (local $c i32) (local $end i32) (local $a0 v128) (local $a1 v128)
    (block $done
      (br_if $done (i32.le_s (local.get $count) (i32.const 0)))
      (loop $outer
        (local.set $b (i32.add (local.get $src) (i32.shl (local.get $i) (i32.const 2))))
        (local.set $c (i32.add (local.get $coef)
          (i32.shl (i32.load (i32.add (local.get $rows) (i32.shl (local.get $p) (i32.const 2)))) (i32.const 2))))
        (local.set $end (i32.add (local.get $c) (i32.shl (local.get $taps) (i32.const 2))))
        (local.set $a0 (v128.const f32x4 0 0 0 0))
        (local.set $a1 (v128.const f32x4 0 0 0 0))
        (loop $inner
          (local.set $a0 (f32x4.add (local.get $a0)
            (f32x4.mul (v128.load align=4 (local.get $b)) (v128.load align=4 (local.get $c)))))
          (local.set $a1 (f32x4.add (local.get $a1)
            (f32x4.mul (v128.load offset=16 align=4 (local.get $b)) (v128.load offset=16 align=4 (local.get $c)))))
          (local.set $b (i32.add (local.get $b) (i32.const 32)))
          (local.set $c (i32.add (local.get $c) (i32.const 32)))
          (br_if $inner (i32.lt_u (local.get $c) (local.get $end))))
        (local.set $a0 (f32x4.add (local.get $a0) (local.get $a1)))
        (f32.store (local.get $out)
          (f32.add
            (f32.add (f32x4.extract_lane 0 (local.get $a0)) (f32x4.extract_lane 1 (local.get $a0)))
            (f32.add (f32x4.extract_lane 2 (local.get $a0)) (f32x4.extract_lane 3 (local.get $a0)))))
        (local.set $out (i32.add (local.get $out) (i32.const 4)))
        (local.set $i (i32.add (local.get $i) (local.get $iStep)))
        (local.set $p (i32.add (local.get $p) (local.get $pStep)))
        (if (i32.ge_u (local.get $p) (local.get $up))
          (then
            (local.set $p (i32.sub (local.get $p) (local.get $up)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))))
        (local.set $count (i32.sub (local.get $count) (i32.const 1)))
        (br_if $outer (i32.gt_s (local.get $count) (i32.const 0)))))
    (i32.store (i32.const 0) (local.get $i))
    (i32.store (i32.const 4) (local.get $p)))
)
