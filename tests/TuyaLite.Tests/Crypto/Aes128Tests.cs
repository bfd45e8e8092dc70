using System;
using nanoFramework.TestFramework;
using TuyaLite.Crypto;
using TuyaLite.Platform;

namespace TuyaLite.Tests.Crypto
{
    [TestClass]
    public class Aes128Tests
    {
        private static string Encrypt(string keyHex, string plainHex)
        {
            byte[] key = Bytes.FromHex(keyHex);
            byte[] block = Bytes.FromHex(plainHex);
            Aes128 aes = new Aes128();
            aes.SetKey(key, 0, 16);
            byte[] output = new byte[16];
            aes.EncryptBlock(block, 0, output, 0);
            return Bytes.ToHex(output);
        }

        [TestMethod]
        public void Fips197AppendixC1()
        {
            Assert.AreEqual("69c4e0d86a7b0430d8cdb78070b4c55a",
                Encrypt("000102030405060708090a0b0c0d0e0f", "00112233445566778899aabbccddeeff"));
        }

        [TestMethod]
        public void Fips197AppendixB()
        {
            Assert.AreEqual("3925841d02dc09fbdc118597196a0b32",
                Encrypt("2b7e151628aed2a6abf7158809cf4f3c", "3243f6a8885a308d313198a2e0370734"));
        }

        [TestMethod]
        public void Sp800_38aEcbFirstBlocks()
        {
            // NIST SP 800-38A F.1.1 ECB-AES128.Encrypt, blocks 1 and 4.
            Assert.AreEqual("3ad77bb40d7a3660a89ecaf32466ef97",
                Encrypt("2b7e151628aed2a6abf7158809cf4f3c", "6bc1bee22e409f96e93d7e117393172a"));
            Assert.AreEqual("7b0c785e27e8ad3f8223207104725dd4",
                Encrypt("2b7e151628aed2a6abf7158809cf4f3c", "f69f2445df4f9b17ad2b417be66c3710"));
        }

        [TestMethod]
        public void InPlaceMatchesOutOfPlaceAndOffsetsAreHonoured()
        {
            Aes128 aes = new Aes128();
            aes.SetKey(Bytes.FromHex("00112233000102030405060708090a0b0c0d0e0f"), 4, 16);
            byte[] buffer = Bytes.FromHex("aaaa00112233445566778899aabbccddeeffbbbb");
            byte[] separate = new byte[20];
            aes.EncryptBlock(buffer, 2, separate, 3);
            aes.EncryptBlock(buffer, 2, buffer, 2);
            Assert.AreEqual("69c4e0d86a7b0430d8cdb78070b4c55a", Bytes.ToHex(buffer, 2, 16, false));
            Assert.AreEqual("69c4e0d86a7b0430d8cdb78070b4c55a", Bytes.ToHex(separate, 3, 16, false));
            Assert.AreEqual((byte)0xAA, buffer[0]);
            Assert.AreEqual((byte)0xBB, buffer[19]);
            Assert.AreEqual((byte)0, separate[2]);
            Assert.AreEqual((byte)0, separate[19]);
        }

        [TestMethod]
        public void RekeyingReplacesTheSchedule()
        {
            Aes128 aes = new Aes128();
            byte[] output = new byte[16];
            aes.SetKey(Bytes.FromHex("2b7e151628aed2a6abf7158809cf4f3c"), 0, 16);
            aes.SetKey(Bytes.FromHex("000102030405060708090a0b0c0d0e0f"), 0, 16);
            aes.EncryptBlock(Bytes.FromHex("00112233445566778899aabbccddeeff"), 0, output, 0);
            Assert.AreEqual("69c4e0d86a7b0430d8cdb78070b4c55a", Bytes.ToHex(output));
        }

        [TestMethod]
        public void RejectsWrongKeyLengthAndUseWithoutKey()
        {
            Aes128 aes = new Aes128();
            byte[] block = new byte[16];
            Assert.ThrowsException(typeof(InvalidOperationException), () => aes.EncryptBlock(block, 0, block, 0));
            Assert.ThrowsException(typeof(CryptoException), () => aes.SetKey(new byte[24], 0, 24));
            Assert.ThrowsException(typeof(CryptoException), () => aes.SetKey(new byte[15], 0, 15));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => aes.SetKey(new byte[16], 1, 16));
            Assert.ThrowsException(typeof(ArgumentNullException), () => aes.SetKey(null, 0, 16));
        }

        [TestMethod]
        public void ClearErasesTheKey()
        {
            Aes128 aes = new Aes128();
            byte[] block = new byte[16];
            aes.SetKey(new byte[16], 0, 16);
            aes.EncryptBlock(block, 0, block, 0);
            aes.Clear();
            Assert.ThrowsException(typeof(InvalidOperationException), () => aes.EncryptBlock(block, 0, block, 0));
        }
    }
}
