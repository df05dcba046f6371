/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.secretbaker.kms.internal.envelope;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One AWS Encryption SDK message, of format version 1 or 2, parsed whole and within
 * limits before anything is decrypted: its header (algorithm suite, message id,
 * encryption context, encrypted data keys, content type, frame length, commit key, header
 * authentication), its body (non-framed, or frames that end with a final frame) and the
 * footer of a signed suite. Given the plaintext data key, it derives the content key,
 * checks the key commitment and the header's authentication tag, and decrypts the body
 * with the JDK's AES-GCM.
 */
final class EncryptionSdkMessage {

	/**
	 * The largest message opened: eight times the largest Advanced-tier value (8 KB)
	 * leaves room for any header, framing and signature.
	 */
	static final int MAX_MESSAGE_BYTES = 64 * 1024;

	/**
	 * The most encrypted data keys a message may hold: Parameter Store writes one, and
	 * each may cost a KMS call.
	 */
	static final int MAX_ENCRYPTED_DATA_KEYS = 4;

	/**
	 * The most frames a framed body may hold, the final frame included.
	 */
	static final int MAX_FRAMES = 1024;

	/**
	 * The encryption context key under which a signed message carries its public key.
	 */
	static final String PUBLIC_KEY_CONTEXT_KEY = "aws-crypto-public-key";

	private static final int VERSION_1 = 0x01;

	private static final int VERSION_2 = 0x02;

	private static final int TYPE_CUSTOMER_AUTHENTICATED_ENCRYPTED_DATA = 0x80;

	private static final int NON_FRAMED = 0x01;

	private static final int FRAMED = 0x02;

	private static final long FINAL_FRAME_MARKER = 0xFFFFFFFFL;

	private static final byte[] SINGLE_BLOCK = "AWSKMSEncryptionClient Single Block".getBytes(StandardCharsets.UTF_8);

	private static final byte[] FRAME = "AWSKMSEncryptionClient Frame".getBytes(StandardCharsets.UTF_8);

	private static final byte[] FINAL_FRAME = "AWSKMSEncryptionClient Final Frame".getBytes(StandardCharsets.UTF_8);

	private static final byte[] DERIVE_KEY = "DERIVEKEY".getBytes(StandardCharsets.UTF_8);

	private static final byte[] COMMIT_KEY = "COMMITKEY".getBytes(StandardCharsets.UTF_8);

	private final byte[] message;

	private final AlgorithmSuite suite;

	private final int version;

	private final byte[] messageId;

	private final Map<String, String> encryptionContext;

	private final List<EncryptedDataKey> encryptedDataKeys;

	private final int headerBodyLength;

	private final byte[] headerIv;

	private final int headerTagOffset;

	private final int commitKeyOffset;

	private final List<Segment> segments;

	private final int plaintextLength;

	private final int signedLength;

	private final int signatureOffset;

	private EncryptionSdkMessage(byte[] message, Reader reader, AlgorithmSuite suite, int version)
			throws InvalidMessageException {
		this.message = message;
		this.suite = suite;
		this.version = version;
		this.messageId = reader.bytes((version == VERSION_1) ? 16 : 32, "message id");
		this.encryptionContext = readEncryptionContext(reader);
		this.encryptedDataKeys = readEncryptedDataKeys(reader);
		int contentType = reader.uint8("content type");
		if (contentType != NON_FRAMED && contentType != FRAMED) {
			throw new InvalidMessageException("its content type is neither framed nor non-framed");
		}
		if (version == VERSION_1) {
			if (reader.uint32("reserved field") != 0) {
				throw new InvalidMessageException("its reserved header field is not zero");
			}
			if (reader.uint8("IV length") != AlgorithmSuite.IV_LENGTH) {
				throw new InvalidMessageException("its IV length is not the algorithm suite's");
			}
		}
		long frameLength = reader.uint32("frame length");
		if ((contentType == NON_FRAMED) != (frameLength == 0) || frameLength > MAX_MESSAGE_BYTES) {
			throw new InvalidMessageException(
					"its frame length does not fit its content type or is over " + MAX_MESSAGE_BYTES + " bytes");
		}
		this.commitKeyOffset = reader.position();
		if (version == VERSION_2) {
			reader.skip(AlgorithmSuite.COMMIT_KEY_LENGTH, "commit key");
		}
		this.headerBodyLength = reader.position();
		this.headerIv = (version == VERSION_1) ? reader.bytes(AlgorithmSuite.IV_LENGTH, "header IV")
				: new byte[AlgorithmSuite.IV_LENGTH];
		this.headerTagOffset = reader.position();
		reader.skip(AlgorithmSuite.TAG_LENGTH, "header authentication tag");
		this.segments = (contentType == FRAMED) ? readFrames(reader, (int) frameLength) : readSingleBlock(reader);
		long total = 0;
		for (Segment segment : this.segments) {
			total += segment.contentLength;
		}
		this.plaintextLength = (int) total;
		this.signedLength = reader.position();
		if (suite.isSigned()) {
			int signatureLength = reader.uint16("signature length");
			this.signatureOffset = reader.position();
			reader.skip(signatureLength, "signature");
		}
		else {
			this.signatureOffset = -1;
		}
		if (reader.position() != message.length) {
			throw new InvalidMessageException("bytes follow its end");
		}
		if (suite.isSigned() != this.encryptionContext.containsKey(PUBLIC_KEY_CONTEXT_KEY)) {
			throw new InvalidMessageException(suite.isSigned() ? "its signed algorithm suite has no public key"
					: "it holds a public key but its algorithm suite is not signed");
		}
	}

	/**
	 * Parse a message whole, checking its structure and limits; nothing is decrypted yet.
	 * @param message the message
	 * @return the parsed message
	 * @throws InvalidMessageException if the message is malformed, truncated, longer than
	 * its end or over a limit
	 */
	static EncryptionSdkMessage parse(byte[] message) throws InvalidMessageException {
		if (message.length > MAX_MESSAGE_BYTES) {
			throw new InvalidMessageException("it is over " + MAX_MESSAGE_BYTES + " bytes");
		}
		Reader reader = new Reader(message);
		int version = reader.uint8("version");
		if (version != VERSION_1 && version != VERSION_2) {
			throw new InvalidMessageException("its format version is neither 1 nor 2");
		}
		if (version == VERSION_1 && reader.uint8("type") != TYPE_CUSTOMER_AUTHENTICATED_ENCRYPTED_DATA) {
			throw new InvalidMessageException("its message type is not customer authenticated encrypted data");
		}
		AlgorithmSuite suite = AlgorithmSuite.of(reader.uint16("algorithm suite"));
		if (suite == null) {
			throw new InvalidMessageException(
					"it names an algorithm suite that the AWS Encryption SDK does not define");
		}
		if (suite.messageFormatVersion() != version) {
			throw new InvalidMessageException("its algorithm suite does not belong to its format version");
		}
		return new EncryptionSdkMessage(message, reader, suite, version);
	}

	AlgorithmSuite suite() {
		return this.suite;
	}

	/**
	 * Return the encryption context, not yet authenticated: KMS checks it when it
	 * decrypts a data key, and {@link #decrypt(byte[])} with the header's authentication
	 * tag.
	 * @return the context, in the message's order
	 */
	Map<String, String> encryptionContext() {
		return this.encryptionContext;
	}

	List<EncryptedDataKey> encryptedDataKeys() {
		return this.encryptedDataKeys;
	}

	/**
	 * Verify the signature of a signed suite's message over its header and body, with the
	 * public key of its encryption context; a suite without signature passes.
	 * @throws InvalidMessageException if the key is not a point of the suite's curve or
	 * the signature does not verify
	 * @throws GeneralSecurityException if the JDK lacks the curve or signature algorithm
	 */
	void verifySignature() throws InvalidMessageException, GeneralSecurityException {
		String curve = this.suite.curve();
		String algorithm = this.suite.signatureAlgorithm();
		if (curve == null || algorithm == null) {
			return;
		}
		byte[] point;
		try {
			point = Base64.getDecoder().decode(this.encryptionContext.get(PUBLIC_KEY_CONTEXT_KEY));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidMessageException("its public key is not base64");
		}
		PublicKey key = SigningKeys.fromCompressedPoint(curve, point);
		if (key == null) {
			throw new InvalidMessageException("its public key is not a point of the algorithm suite's curve");
		}
		Signature signature = Signature.getInstance(algorithm);
		signature.initVerify(key);
		signature.update(this.message, 0, this.signedLength);
		boolean verified;
		try {
			verified = signature.verify(this.message, this.signatureOffset, this.message.length - this.signatureOffset);
		}
		catch (SignatureException ex) {
			// An encoding the verifier cannot read: the signature does not verify.
			verified = false;
		}
		if (!verified) {
			throw new InvalidMessageException("its signature does not verify");
		}
	}

	/**
	 * Decrypt the message with its plaintext data key: derive the content key, check the
	 * key commitment of a committing suite, authenticate the header, then decrypt and
	 * authenticate every frame in order.
	 * @param dataKey the plaintext data key, of the suite's key length
	 * @return the plaintext; the caller owns the array and may clear it
	 * @throws InvalidMessageException if the key commitment, the header or a frame does
	 * not authenticate with this data key
	 * @throws GeneralSecurityException if the JDK lacks AES-GCM or the HMAC
	 */
	byte[] decrypt(byte[] dataKey) throws InvalidMessageException, GeneralSecurityException {
		if (dataKey.length != this.suite.keyLength()) {
			throw new InvalidMessageException("its data key is not of its algorithm suite's length");
		}
		byte[] contentKey = contentKey(dataKey);
		byte[] plaintext = new byte[this.plaintextLength];
		boolean opened = false;
		try {
			SecretKeySpec key = new SecretKeySpec(contentKey, "AES");
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(AlgorithmSuite.TAG_LENGTH * 8, this.headerIv));
			cipher.updateAAD(this.message, 0, this.headerBodyLength);
			authenticate(cipher, this.headerTagOffset, AlgorithmSuite.TAG_LENGTH, plaintext, 0,
					"its header does not authenticate with its data key");
			int written = 0;
			for (Segment segment : this.segments) {
				cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(AlgorithmSuite.TAG_LENGTH * 8, this.message,
						segment.ivOffset, AlgorithmSuite.IV_LENGTH));
				cipher.updateAAD(bodyAad(segment));
				authenticate(cipher, segment.contentOffset, segment.contentLength + AlgorithmSuite.TAG_LENGTH,
						plaintext, written, "its body does not authenticate with its data key");
				written += segment.contentLength;
			}
			opened = true;
			return plaintext;
		}
		finally {
			Arrays.fill(contentKey, (byte) 0);
			if (!opened) {
				Arrays.fill(plaintext, (byte) 0);
			}
		}
	}

	private void authenticate(Cipher cipher, int offset, int length, byte[] output, int outputOffset, String reason)
			throws InvalidMessageException, GeneralSecurityException {
		try {
			cipher.doFinal(this.message, offset, length, output, outputOffset);
		}
		catch (AEADBadTagException ex) {
			throw new InvalidMessageException(reason);
		}
	}

	private byte[] contentKey(byte[] dataKey) throws InvalidMessageException, GeneralSecurityException {
		String mac = this.suite.kdfMac();
		if (mac == null) {
			return dataKey.clone();
		}
		byte[] suiteId = { (byte) (this.suite.id() >>> 8), (byte) this.suite.id() };
		if (!this.suite.isCommitting()) {
			return Hkdf.derive(mac, new byte[0], dataKey, concat(suiteId, this.messageId), this.suite.keyLength());
		}
		byte[] commitKey = Hkdf.derive(mac, this.messageId, dataKey, COMMIT_KEY, AlgorithmSuite.COMMIT_KEY_LENGTH);
		try {
			byte[] stored = Arrays.copyOfRange(this.message, this.commitKeyOffset,
					this.commitKeyOffset + AlgorithmSuite.COMMIT_KEY_LENGTH);
			if (!MessageDigest.isEqual(commitKey, stored)) {
				throw new InvalidMessageException("its key commitment does not match its data key");
			}
		}
		finally {
			Arrays.fill(commitKey, (byte) 0);
		}
		return Hkdf.derive(mac, this.messageId, dataKey, concat(suiteId, DERIVE_KEY), this.suite.keyLength());
	}

	private byte[] bodyAad(Segment segment) {
		byte[] content = (segment.kind == SegmentKind.SINGLE_BLOCK) ? SINGLE_BLOCK
				: (segment.kind == SegmentKind.FINAL_FRAME) ? FINAL_FRAME : FRAME;
		return ByteBuffer.allocate(this.messageId.length + content.length + 4 + 8)
			.put(this.messageId)
			.put(content)
			.putInt((int) segment.sequenceNumber)
			.putLong(segment.contentLength)
			.array();
	}

	private static Map<String, String> readEncryptionContext(Reader reader) throws InvalidMessageException {
		int length = reader.uint16("encryption context length");
		if (length == 0) {
			return Collections.emptyMap();
		}
		int end = reader.position() + length;
		reader.require(length, "encryption context");
		int count = reader.uint16("encryption context size");
		if (count == 0) {
			throw new InvalidMessageException("its encryption context has a length but no entry");
		}
		Map<String, String> context = new LinkedHashMap<>();
		for (int i = 0; i < count; i++) {
			String key = reader.utf8("encryption context key");
			String value = reader.utf8("encryption context value");
			if (context.put(key, value) != null) {
				throw new InvalidMessageException("its encryption context repeats a key");
			}
		}
		if (reader.position() != end) {
			throw new InvalidMessageException("its encryption context does not fill its length");
		}
		return Collections.unmodifiableMap(context);
	}

	private static List<EncryptedDataKey> readEncryptedDataKeys(Reader reader) throws InvalidMessageException {
		int count = reader.uint16("encrypted data key count");
		if (count == 0 || count > MAX_ENCRYPTED_DATA_KEYS) {
			throw new InvalidMessageException("it holds no encrypted data key or more than " + MAX_ENCRYPTED_DATA_KEYS);
		}
		List<EncryptedDataKey> keys = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String providerId = reader.utf8("key provider id");
			byte[] providerInformation = reader.bytes(reader.uint16("key provider information length"),
					"key provider information");
			byte[] ciphertext = reader.bytes(reader.uint16("encrypted data key length"), "encrypted data key");
			keys.add(new EncryptedDataKey(providerId, providerInformation, ciphertext));
		}
		return List.copyOf(keys);
	}

	private static List<Segment> readSingleBlock(Reader reader) throws InvalidMessageException {
		int ivOffset = reader.position();
		reader.skip(AlgorithmSuite.IV_LENGTH, "body IV");
		long length = reader.uint64("body length");
		if (length < 0 || length > MAX_MESSAGE_BYTES) {
			throw new InvalidMessageException("its body is longer than the message");
		}
		int contentOffset = reader.position();
		reader.skip((int) length + AlgorithmSuite.TAG_LENGTH, "body");
		return List.of(new Segment(SegmentKind.SINGLE_BLOCK, 1, ivOffset, contentOffset, (int) length));
	}

	private static List<Segment> readFrames(Reader reader, int frameLength) throws InvalidMessageException {
		List<Segment> frames = new ArrayList<>();
		long expected = 1;
		while (true) {
			if (frames.size() == MAX_FRAMES) {
				throw new InvalidMessageException("it has more than " + MAX_FRAMES + " frames");
			}
			long sequenceNumber = reader.uint32("frame sequence number");
			boolean last = sequenceNumber == FINAL_FRAME_MARKER;
			if (last) {
				sequenceNumber = reader.uint32("final frame sequence number");
			}
			if (sequenceNumber != expected) {
				throw new InvalidMessageException("its frames are out of sequence");
			}
			int ivOffset = reader.position();
			reader.skip(AlgorithmSuite.IV_LENGTH, "frame IV");
			long length = last ? reader.uint32("final frame length") : frameLength;
			if (length > frameLength) {
				throw new InvalidMessageException("its final frame is longer than its frame length");
			}
			int contentOffset = reader.position();
			reader.skip((int) length + AlgorithmSuite.TAG_LENGTH, "frame");
			frames.add(new Segment(last ? SegmentKind.FINAL_FRAME : SegmentKind.FRAME, sequenceNumber, ivOffset,
					contentOffset, (int) length));
			if (last) {
				return frames;
			}
			expected++;
		}
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] result = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, result, first.length, second.length);
		return result;
	}

	private enum SegmentKind {

		SINGLE_BLOCK, FRAME, FINAL_FRAME

	}

	/**
	 * Where one frame, or the single block of a non-framed body, lies in the message.
	 */
	private record Segment(SegmentKind kind, long sequenceNumber, int ivOffset, int contentOffset, int contentLength) {
	}

	/**
	 * Reads big-endian fields in bounds, failing with the field's name when the message
	 * ends first.
	 */
	private static final class Reader {

		private final byte[] message;

		private int position;

		Reader(byte[] message) {
			this.message = message;
		}

		int position() {
			return this.position;
		}

		void require(int count, String field) throws InvalidMessageException {
			if (count > this.message.length - this.position) {
				throw new InvalidMessageException("it ends within its " + field);
			}
		}

		void skip(int count, String field) throws InvalidMessageException {
			require(count, field);
			this.position += count;
		}

		byte[] bytes(int count, String field) throws InvalidMessageException {
			require(count, field);
			byte[] bytes = Arrays.copyOfRange(this.message, this.position, this.position + count);
			this.position += count;
			return bytes;
		}

		int uint8(String field) throws InvalidMessageException {
			require(1, field);
			return this.message[this.position++] & 0xFF;
		}

		int uint16(String field) throws InvalidMessageException {
			return (int) unsigned(2, field);
		}

		long uint32(String field) throws InvalidMessageException {
			return unsigned(4, field);
		}

		long uint64(String field) throws InvalidMessageException {
			return unsigned(8, field);
		}

		String utf8(String field) throws InvalidMessageException {
			byte[] bytes = bytes(uint16(field + " length"), field);
			try {
				return StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(bytes))
					.toString();
			}
			catch (CharacterCodingException ex) {
				throw new InvalidMessageException("its " + field + " is not UTF-8");
			}
		}

		private long unsigned(int count, String field) throws InvalidMessageException {
			require(count, field);
			long value = 0;
			for (int i = 0; i < count; i++) {
				value = (value << 8) | (this.message[this.position++] & 0xFF);
			}
			return value;
		}

	}

}
