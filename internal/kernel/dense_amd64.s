//go:build amd64 && !purego

#include "textflag.h"

// AVX2 versions of cobaGo, cubaGo, their Fold forms, lifGo, fillGo and addConstGo over the
// first n elements (n a multiple of 4). Go's operand order is reversed from
// Intel's: VSUBPD b, a, d computes d = a − b.

// func cobaAVX2(gp, a, in, v *float64, n int, d, E float64)
TEXT ·cobaAVX2(SB), NOSPLIT, $0-56
	MOVQ gp+0(FP), DI
	MOVQ a+8(FP), SI
	MOVQ in+16(FP), DX
	MOVQ v+24(FP), CX
	MOVQ n+32(FP), BX
	VBROADCASTSD d+40(FP), Y0
	VBROADCASTSD E+48(FP), Y1
	VXORPD Y2, Y2, Y2
	XORQ AX, AX
	JMP cobacheck

cobaloop:
	VMULPD (DI)(AX*8), Y0, Y3  // g·d
	VADDPD (SI)(AX*8), Y3, Y3  // x = g·d + a
	VMOVUPD Y2, (SI)(AX*8)     // a = 0
	VMOVUPD Y3, (DI)(AX*8)     // g = x
	VMOVUPD (CX)(AX*8), Y4
	VSUBPD Y4, Y1, Y4          // E − v
	VMULPD Y4, Y3, Y4          // x·(E − v)
	VADDPD (DX)(AX*8), Y4, Y4  // in + x·(E − v)
	VMOVUPD Y4, (DX)(AX*8)
	ADDQ $4, AX

cobacheck:
	CMPQ AX, BX
	JLT cobaloop
	VZEROUPPER
	RET

// func cubaAVX2(gp, a, in *float64, n int, d float64)
TEXT ·cubaAVX2(SB), NOSPLIT, $0-40
	MOVQ gp+0(FP), DI
	MOVQ a+8(FP), SI
	MOVQ in+16(FP), DX
	MOVQ n+24(FP), BX
	VBROADCASTSD d+32(FP), Y0
	VXORPD Y2, Y2, Y2
	XORQ AX, AX
	JMP cubacheck

cubaloop:
	VMULPD (DI)(AX*8), Y0, Y3
	VADDPD (SI)(AX*8), Y3, Y3
	VMOVUPD Y2, (SI)(AX*8)
	VMOVUPD Y3, (DI)(AX*8)
	VADDPD (DX)(AX*8), Y3, Y4
	VMOVUPD Y4, (DX)(AX*8)
	ADDQ $4, AX

cubacheck:
	CMPQ AX, BX
	JLT cubaloop
	VZEROUPPER
	RET

// func cobaFoldAVX2(gp, in, v *float64, n int, d, E float64)
TEXT ·cobaFoldAVX2(SB), NOSPLIT, $0-48
	MOVQ gp+0(FP), DI
	MOVQ in+8(FP), DX
	MOVQ v+16(FP), CX
	MOVQ n+24(FP), BX
	VBROADCASTSD d+32(FP), Y0
	VBROADCASTSD E+40(FP), Y1
	XORQ AX, AX
	JMP cfcheck

cfloop:
	VMULPD (DI)(AX*8), Y0, Y3  // x = g·d
	VMOVUPD Y3, (DI)(AX*8)     // g = x
	VMOVUPD (CX)(AX*8), Y4
	VSUBPD Y4, Y1, Y4          // E − v
	VMULPD Y4, Y3, Y4          // x·(E − v)
	VADDPD (DX)(AX*8), Y4, Y4  // in + x·(E − v)
	VMOVUPD Y4, (DX)(AX*8)
	ADDQ $4, AX

cfcheck:
	CMPQ AX, BX
	JLT cfloop
	VZEROUPPER
	RET

// func cubaFoldAVX2(gp, in *float64, n int, d float64)
TEXT ·cubaFoldAVX2(SB), NOSPLIT, $0-32
	MOVQ gp+0(FP), DI
	MOVQ in+8(FP), DX
	MOVQ n+16(FP), BX
	VBROADCASTSD d+24(FP), Y0
	XORQ AX, AX
	JMP cufcheck

cufloop:
	VMULPD (DI)(AX*8), Y0, Y3
	VMOVUPD Y3, (DI)(AX*8)
	VADDPD (DX)(AX*8), Y3, Y4
	VMOVUPD Y4, (DX)(AX*8)
	ADDQ $4, AX

cufcheck:
	CMPQ AX, BX
	JLT cufloop
	VZEROUPPER
	RET

// spkBytes[m] holds, in byte l, bit l of m: the four spike flags of a
// 4-lane fired mask m.
DATA spkBytes<>+0x00(SB)/4, $0x00000000
DATA spkBytes<>+0x04(SB)/4, $0x00000001
DATA spkBytes<>+0x08(SB)/4, $0x00000100
DATA spkBytes<>+0x0c(SB)/4, $0x00000101
DATA spkBytes<>+0x10(SB)/4, $0x00010000
DATA spkBytes<>+0x14(SB)/4, $0x00010001
DATA spkBytes<>+0x18(SB)/4, $0x00010100
DATA spkBytes<>+0x1c(SB)/4, $0x00010101
DATA spkBytes<>+0x20(SB)/4, $0x01000000
DATA spkBytes<>+0x24(SB)/4, $0x01000001
DATA spkBytes<>+0x28(SB)/4, $0x01000100
DATA spkBytes<>+0x2c(SB)/4, $0x01000101
DATA spkBytes<>+0x30(SB)/4, $0x01010000
DATA spkBytes<>+0x34(SB)/4, $0x01010001
DATA spkBytes<>+0x38(SB)/4, $0x01010100
DATA spkBytes<>+0x3c(SB)/4, $0x01010101
GLOBL spkBytes<>(SB), RODATA|NOPTR, $64

// func lifAVX2(p *LIF, V, in *float64, last *int64, spk *bool, out *int32, n int, lo int32) int
//
// It reads the fields of LIF at their offsets 0–48 (pinned by TestLIFLayout).
TEXT ·lifAVX2(SB), NOSPLIT, $0-72
	MOVQ p+0(FP), AX
	VBROADCASTSD 0(AX), Y0  // VRest
	VBROADCASTSD 8(AX), Y1  // R
	VBROADCASTSD 16(AX), Y2 // VTh
	VBROADCASTSD 24(AX), Y3 // VReset
	VBROADCASTSD 32(AX), Y4 // Decay
	VBROADCASTSD 40(AX), Y5 // Ref (int64 lanes)
	VBROADCASTSD 48(AX), Y6 // K (int64 lanes)
	MOVQ V+8(FP), DI
	MOVQ in+16(FP), SI
	MOVQ last+24(FP), DX
	MOVQ spk+32(FP), R9
	MOVQ out+40(FP), R10
	MOVQ n+48(FP), BX
	MOVLQSX lo+56(FP), R11
	XORQ CX, CX  // j
	XORQ R12, R12 // spikes written
	JMP lifcheck

lifloop:
	VMOVUPD (DI)(CX*8), Y7     // vold
	VMULPD (SI)(CX*8), Y1, Y8  // R·in
	VADDPD Y8, Y0, Y8          // vinf = VRest + R·in
	VSUBPD Y8, Y7, Y9          // vold − vinf
	VMULPD Y4, Y9, Y9          // ·Decay
	VADDPD Y9, Y8, Y9          // v = vinf + (vold − vinf)·Decay
	VMOVDQU (DX)(CX*8), Y10    // last
	VPSUBQ Y10, Y6, Y11        // K − last
	VPCMPGTQ Y5, Y11, Y11      // integrating: K − last > Ref
	VBLENDVPD Y11, Y9, Y7, Y9  // integrating ? v : vold
	VCMPPD $0x0d, Y2, Y9, Y12  // fired: v >= VTh (GE_OS, false for NaN)
	VMOVMSKPD Y12, AX
	TESTQ AX, AX
	JNZ liffired
	VMOVUPD Y9, (DI)(CX*8)
	MOVL $0, (R9)(CX*1)
	ADDQ $4, CX

lifcheck:
	CMPQ CX, BX
	JLT lifloop
	MOVQ R12, ret+64(FP)
	VZEROUPPER
	RET

liffired:
	VBLENDVPD Y12, Y3, Y9, Y9   // fired ? VReset : v
	VMOVUPD Y9, (DI)(CX*8)
	VBLENDVPD Y12, Y6, Y10, Y10 // fired ? K : last
	VMOVDQU Y10, (DX)(CX*8)
	LEAQ spkBytes<>(SB), R8
	MOVL (R8)(AX*4), R8
	MOVL R8, (R9)(CX*1)

lifout:
	BSFQ AX, R8
	ADDQ CX, R8
	ADDQ R11, R8
	MOVL R8, (R10)(R12*4)      // out[c] = lo + j + lane
	INCQ R12
	LEAQ -1(AX), R13
	ANDQ R13, AX
	JNZ lifout
	ADDQ $4, CX
	JMP lifcheck

// func fillAVX2(x *float64, n int, c float64)
TEXT ·fillAVX2(SB), NOSPLIT, $0-24
	MOVQ x+0(FP), DI
	MOVQ n+8(FP), BX
	VBROADCASTSD c+16(FP), Y0
	XORQ AX, AX
	JMP fillcheck

fillloop:
	VMOVUPD Y0, (DI)(AX*8)
	ADDQ $4, AX

fillcheck:
	CMPQ AX, BX
	JLT fillloop
	VZEROUPPER
	RET

// func addConstAVX2(x *float64, n int, c float64)
TEXT ·addConstAVX2(SB), NOSPLIT, $0-24
	MOVQ x+0(FP), DI
	MOVQ n+8(FP), BX
	VBROADCASTSD c+16(FP), Y0
	XORQ AX, AX
	JMP addcheck

addloop:
	VADDPD (DI)(AX*8), Y0, Y1
	VMOVUPD Y1, (DI)(AX*8)
	ADDQ $4, AX

addcheck:
	CMPQ AX, BX
	JLT addloop
	VZEROUPPER
	RET
