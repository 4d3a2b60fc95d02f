//go:build amd64 && !purego

#include "textflag.h"

// Element-wise arithmetic on two float64 slices, 8 then 4 lanes at a time
// (n is a multiple of 4). Each lane is one IEEE operation, as in Go: the
// results are those of the pure-Go loops of elem.go, bit for bit.

// func addVVAVX2(d, x, y *float64, n int)
TEXT ·addVVAVX2(SB), NOSPLIT, $0-32
	MOVQ d+0(FP), DI
	MOVQ x+8(FP), SI
	MOVQ y+16(FP), DX
	MOVQ n+24(FP), BX
	XORQ AX, AX
	MOVQ BX, CX
	ANDQ $-8, CX
	JMP check8

loop8:
	VMOVUPD (SI)(AX*8), Y0
	VMOVUPD 32(SI)(AX*8), Y1
	VADDPD (DX)(AX*8), Y0, Y0
	VADDPD 32(DX)(AX*8), Y1, Y1
	VMOVUPD Y0, (DI)(AX*8)
	VMOVUPD Y1, 32(DI)(AX*8)
	ADDQ $8, AX

check8:
	CMPQ AX, CX
	JLT loop8
	CMPQ AX, BX
	JGE done
	VMOVUPD (SI)(AX*8), Y0
	VADDPD (DX)(AX*8), Y0, Y0
	VMOVUPD Y0, (DI)(AX*8)

done:
	VZEROUPPER
	RET

// func subVVAVX2(d, x, y *float64, n int)
TEXT ·subVVAVX2(SB), NOSPLIT, $0-32
	MOVQ d+0(FP), DI
	MOVQ x+8(FP), SI
	MOVQ y+16(FP), DX
	MOVQ n+24(FP), BX
	XORQ AX, AX
	MOVQ BX, CX
	ANDQ $-8, CX
	JMP check8

loop8:
	VMOVUPD (SI)(AX*8), Y0
	VMOVUPD 32(SI)(AX*8), Y1
	VSUBPD (DX)(AX*8), Y0, Y0
	VSUBPD 32(DX)(AX*8), Y1, Y1
	VMOVUPD Y0, (DI)(AX*8)
	VMOVUPD Y1, 32(DI)(AX*8)
	ADDQ $8, AX

check8:
	CMPQ AX, CX
	JLT loop8
	CMPQ AX, BX
	JGE done
	VMOVUPD (SI)(AX*8), Y0
	VSUBPD (DX)(AX*8), Y0, Y0
	VMOVUPD Y0, (DI)(AX*8)

done:
	VZEROUPPER
	RET

// func mulVVAVX2(d, x, y *float64, n int)
TEXT ·mulVVAVX2(SB), NOSPLIT, $0-32
	MOVQ d+0(FP), DI
	MOVQ x+8(FP), SI
	MOVQ y+16(FP), DX
	MOVQ n+24(FP), BX
	XORQ AX, AX
	MOVQ BX, CX
	ANDQ $-8, CX
	JMP check8

loop8:
	VMOVUPD (SI)(AX*8), Y0
	VMOVUPD 32(SI)(AX*8), Y1
	VMULPD (DX)(AX*8), Y0, Y0
	VMULPD 32(DX)(AX*8), Y1, Y1
	VMOVUPD Y0, (DI)(AX*8)
	VMOVUPD Y1, 32(DI)(AX*8)
	ADDQ $8, AX

check8:
	CMPQ AX, CX
	JLT loop8
	CMPQ AX, BX
	JGE done
	VMOVUPD (SI)(AX*8), Y0
	VMULPD (DX)(AX*8), Y0, Y0
	VMOVUPD Y0, (DI)(AX*8)

done:
	VZEROUPPER
	RET

// func divVVAVX2(d, x, y *float64, n int)
TEXT ·divVVAVX2(SB), NOSPLIT, $0-32
	MOVQ d+0(FP), DI
	MOVQ x+8(FP), SI
	MOVQ y+16(FP), DX
	MOVQ n+24(FP), BX
	XORQ AX, AX
	MOVQ BX, CX
	ANDQ $-8, CX
	JMP check8

loop8:
	VMOVUPD (SI)(AX*8), Y0
	VMOVUPD 32(SI)(AX*8), Y1
	VDIVPD (DX)(AX*8), Y0, Y0
	VDIVPD 32(DX)(AX*8), Y1, Y1
	VMOVUPD Y0, (DI)(AX*8)
	VMOVUPD Y1, 32(DI)(AX*8)
	ADDQ $8, AX

check8:
	CMPQ AX, CX
	JLT loop8
	CMPQ AX, BX
	JGE done
	VMOVUPD (SI)(AX*8), Y0
	VDIVPD (DX)(AX*8), Y0, Y0
	VMOVUPD Y0, (DI)(AX*8)

done:
	VZEROUPPER
	RET
